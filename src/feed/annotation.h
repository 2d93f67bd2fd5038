/*
 * annotation.h - a remark an admin wrote after a pasted line, in any
 * language ("   <-- 这里失败了", "  # здесь отказ"), told apart from the
 * line's own text (annotation.c says how).
 */
#ifndef POSTSLEUTH_ANNOTATION_H
#define POSTSLEUTH_ANNOTATION_H

#include <stddef.h>
#include "../util/span.h"

size_t annotation_cut(struct span line, size_t text_off);

#endif
