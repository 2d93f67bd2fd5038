/*
 * source.h - one input stream of bytes: a plain file, stdin, or a
 * gzip/xz/zstd file, told apart by magic bytes and never by name.
 *
 * A source yields decompressed bytes; errors (unreadable file, corrupt
 * compressed data) are recorded in the source with the file name and the
 * offset in the file, and reading stops there: what came before is kept.
 *
 * A plain file or a gzip file can be read again from the middle
 * (source_seek): a plain one at any offset, a gzip one from the resume
 * points (jump.h) its first read took, when ->jump was set for it.
 *
 * Decoders get at most SOURCE_MEM_DEFAULT bytes of memory (xz: its memory
 * limit; zstd: the window a frame declares), or what source_set_mem_limit
 * says: a valid file that asks for more is refused with the figure it
 * needs, rather than allowed to take a gigabyte or called corrupt.
 */
#ifndef POSTSLEUTH_SOURCE_H
#define POSTSLEUTH_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SOURCE_MEM_DEFAULT (256ULL << 20)

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
	bool between;           /* gzip: after a member's end; zstd: before a frame's header */
	void *codec;            /* decoder state, per kind */
	unsigned char *inbuf;   /* compressed input */
	size_t in_len, in_pos, in_cap;
	unsigned char peek[8];  /* magic bytes read while detecting */
	size_t peek_len, peek_pos;
	uint64_t out_off;       /* decompressed bytes returned */
	struct jump_index *jump;/* gzip: resume points to take while reading, or NULL */
	bool raw_deflate;       /* gzip: resumed inside a member (source_seek) */
	size_t skip;            /* gzip: bytes of a member's trailer still to pass */
};

void source_set_mem_limit(uint64_t bytes);
uint64_t source_mem_limit(void);
struct source *source_open(const char *path);
struct source *source_open_fd(const char *name, int fd, bool sniff);
ssize_t source_read(struct source *s, void *buf, size_t n);
struct jump_index;
bool source_seek(struct source *s, uint64_t off, const struct jump_index *ix);
void source_close(struct source *s);
enum source_kind source_sniff(const unsigned char *p, size_t n);
const char *source_kind_name(enum source_kind k);

#endif
