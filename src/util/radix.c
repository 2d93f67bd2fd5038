/*
 * radix.c - a stable LSD radix sort of fixed-size records by an unsigned
 * key inside each (radix.h).  One pass counts every byte of the key in
 * every record; each byte whose count is n in one bucket (the same in
 * every record: the high bytes of small numbers) is skipped; the other
 * bytes each scatter the records, lowest first, between the records and
 * a scratch copy.  Few records are sorted by insertion instead.
 */
#include "radix.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RADIX_SMALL 48 /* fewer records: insertion sort */

/* key_at - the record's key */
static inline uint64_t key_at(const unsigned char *r, size_t koff, size_t kbytes)
{
	if (kbytes == 8) {
		uint64_t k;
		memcpy(&k, r + koff, 8);
		return k;
	}
	uint32_t k;
	memcpy(&k, r + koff, 4);
	return k;
}

/* move - one record copied (sizes 8 and 16 without a call) */
static inline void move(unsigned char *to, const unsigned char *from, size_t size)
{
	if (size == 16)
		memcpy(to, from, 16);
	else if (size == 8)
		memcpy(to, from, 8);
	else
		memcpy(to, from, size);
}

/* insertion - the stable sort of few records (tmp: one record's room) */
static void insertion(unsigned char *b, size_t n, size_t size, size_t koff, size_t kbytes, unsigned char *tmp)
{
	for (size_t i = 1; i < n; i++) {
		uint64_t k = key_at(b + i * size, koff, kbytes);
		size_t j = i;
		while (j > 0 && key_at(b + (j - 1) * size, koff, kbytes) > k)
			j--;
		if (j == i)
			continue;
		memcpy(tmp, b + i * size, size);
		memmove(b + (j + 1) * size, b + j * size, (i - j) * size);
		memcpy(b + j * size, tmp, size);
	}
}

/* sort - radix_sort's body, made once for each record size and key size
 * the callers use (constants there: the moves and the key reads inline) */
static inline __attribute__((always_inline)) void sort(void *base, size_t n, size_t size, size_t koff,
						       size_t kbytes)
{
	unsigned char *b = base;
	if (n < 2)
		return;
	if (kbytes != 8)
		kbytes = 4;
	if (n < RADIX_SMALL) {
		unsigned char *one = xmalloc(size);
		insertion(b, n, size, koff, kbytes, one);
		free(one);
		return;
	}
	size_t (*count)[256] = xcalloc(kbytes, sizeof *count);
	for (size_t i = 0; i < n; i++) {
		uint64_t k = key_at(b + i * size, koff, kbytes);
		for (size_t d = 0; d < kbytes; d++)
			count[d][(k >> (8 * d)) & 0xff]++;
	}
	unsigned char *tmp = NULL, *from = b, *to = NULL;
	for (size_t d = 0; d < kbytes; d++) {
		size_t *c = count[d];
		if (c[(key_at(b, koff, kbytes) >> (8 * d)) & 0xff] == n)
			continue; /* the first record's byte is every record's */
		size_t sum = 0;
		for (int v = 0; v < 256; v++) {
			size_t t = c[v];
			c[v] = sum; /* where this byte's records start */
			sum += t;
		}
		if (!tmp)
			tmp = xmalloc(n * size);
		to = from == b ? tmp : b;
		for (size_t i = 0; i < n; i++) {
			const unsigned char *r = from + i * size;
			unsigned v = (unsigned)(key_at(r, koff, kbytes) >> (8 * d)) & 0xff;
			move(to + c[v]++ * size, r, size);
		}
		from = to;
	}
	if (from != b)
		memcpy(b, from, n * size);
	free(tmp);
	free(count);
}

void radix_sort(void *base, size_t n, size_t size, size_t koff, size_t kbytes)
{
	if (size == 16 && kbytes == 8)
		sort(base, n, 16, koff, 8);
	else if (size == 16 && kbytes == 4)
		sort(base, n, 16, koff, 4);
	else if (size == 8 && kbytes == 8)
		sort(base, n, 8, koff, 8);
	else
		sort(base, n, size, koff, kbytes);
}
