/*
 * radix.h - a stable sort of fixed-size records by an unsigned key of 4
 * or 8 bytes inside each record (least significant byte first, a pass
 * per byte, the passes whose byte is the same in every record skipped).
 * For the end of a run's sorts of plain numbers (campaign keys, network
 * hashes, clients' severity keys): no comparison function called per
 * pair.  Records of 8 or 16 bytes are moved without a memcpy call.
 */
#ifndef POSTSLEUTH_RADIX_H
#define POSTSLEUTH_RADIX_H

#include <stddef.h>

/* radix_sort - sort n records of size bytes at base, ascending by the
 * unsigned number of kbytes (4 or 8, native byte order) at offset koff
 * in each record; records with the same key keep their order */
void radix_sort(void *base, size_t n, size_t size, size_t koff, size_t kbytes);

#endif
