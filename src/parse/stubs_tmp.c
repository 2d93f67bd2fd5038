/* stubs_tmp.c - placeholders while the program parsers are written; removed when each lands. */
#include "common.h"
void parse_smtpd(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
bool parse_verbose(const struct logline *l, struct event *ev) { (void)l; (void)ev; return false; }
