/*
 * source.h - one input stream of bytes: a plain file, stdin, or a
 * gzip/xz/zstd file, told apart by magic bytes and never by name.
 *
 * A source yields decompressed bytes; errors (unreadable file, corrupt
 * compressed data) are recorded in the source with the file name and the
 * offset in the file, and reading stops there: what came before is kept.
 */
#ifndef POSTSLEUTH_SOURCE_H
#define POSTSLEUTH_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum source_kind { SRC_PLAIN, SRC_GZIP, SRC_XZ, SRC_ZSTD, SRC_JOURNAL, SRC_BZIP2 };

struct source {
	char *name;             /* as the user gave it; "-" for stdin */
	int fd;
	enum source_kind kind;
	uint64_t raw_off;       /* bytes consumed from the file */
	time_t mtime;           /* for year inference; 0 when unknown */
	char *error;            /* first error, or NULL */
	bool eof;
	bool mid_frame;         /* a compressed member/frame is incomplete */
	void *codec;            /* decoder state, per kind */
	unsigned char *inbuf;   /* compressed input */
	size_t in_len, in_pos, in_cap;
	unsigned char peek[8];  /* magic bytes read while detecting */
	size_t peek_len, peek_pos;
};

struct source *source_open(const char *path);
ssize_t source_read(struct source *s, void *buf, size_t n);
void source_close(struct source *s);
enum source_kind source_sniff(const unsigned char *p, size_t n);
const char *source_kind_name(enum source_kind k);

#endif
