/* stubs_tmp.c - placeholders while the program parsers are written; removed when each lands. */
#include "common.h"
void parse_smtpd(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_postscreen(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_cleanup(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_delivery(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_bounce(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_pickup(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_postsuper(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_master(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
void parse_anvil(const struct logline *l, struct event *ev) { (void)l; (void)ev; }
bool parse_verbose(const struct logline *l, struct event *ev) { (void)l; (void)ev; return false; }
