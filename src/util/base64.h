/*
 * base64.h - decode base64 (RFC 4648) that may be cut short or damaged,
 * as the SASL data found in logs often is.
 */
#ifndef POSTSLEUTH_BASE64_H
#define POSTSLEUTH_BASE64_H

#include <stdbool.h>
#include <stddef.h>
#include "span.h"

size_t base64_decode(struct span in, unsigned char *out, size_t cap, bool *truncated);
bool base64_char(unsigned char c);

#endif
