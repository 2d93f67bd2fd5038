/*
 * test_check_meaning.c - explain's words for the checks run on a message
 * (check_meaning.c, threads BE 01, 02, 06): OpenDMARC's result and its
 * own SPF check, OpenDKIM's verification, Amavis's Passed/Blocked,
 * spamd's result; look-alike lines of the same programs and other
 * programs' lines are not told, and a hostile domain comes out printable.
 */
#include "progs.h"
#include "report/check_meaning.h"

#include <string.h>

/* told - the words for one line of prog, in a static buffer; NULL when none */
static const char *told(const char *prog, const char *msg)
{
	static char out[2048];
	struct buf b = {0};
	bool ok = check_meaning(&b, progs_msg(prog, msg));
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p ? b.p : "");
	buf_free(&b);
	return ok ? out : NULL;
}

static bool says(const char *prog, const char *msg, const char *words)
{
	const char *t = told(prog, msg);
	return t && strstr(t, words);
}

TEST(check_meaning_dmarc)
{
	CHECK(says("opendmarc", "727171F825F: ibm.com fail", "ibm.com failed DMARC"));
	CHECK(says("opendmarc", "727171F825F: ibm.com fail", "RejectFailures is false"));
	CHECK(says("opendmarc", "727171F825F: gmail.com pass", "gmail.com passed DMARC"));
	CHECK(says("opendmarc", "727171F825F: example.net none", "no DMARC policy"));
	CHECK(says("opendmarc", "727171F825F: SPF(mailfrom): badspf.com fail", "envelope sender's domain badspf.com: fail"));
	CHECK(!told("opendmarc", "727171F825F: SPF(mailfrom): badspf.com maybe"));
	CHECK(!told("opendmarc", "727171F825F: localhost fail"));
	CHECK(!told("opendmarc", "ignoring connection from localhost"));
	CHECK(!told("opendmarc", "727171F825F: ibm.com"));
	CHECK(!told("opendkim", "727171F825F: ibm.com fail"));
	/* a control byte in the domain comes out as something printable */
	const char *t = told("opendmarc", "A1: evil\x1b[2J.example fail");
	CHECK(t && !strchr(t, '\x1b'));
}

TEST(check_meaning_dkim_filters)
{
	CHECK(says("opendkim", "727171F825F: DKIM verification successful", "signature verified"));
	CHECK(says("opendkim", "727171F825F: bad signature data", "did not verify"));
	CHECK(says("opendkim", "A15B5116BB8: no signature data", "no DKIM signature"));
	CHECK(says("opendkim", "727171F825F: not authenticated", "InternalHosts"));
	CHECK(!told("opendkim", "727171F825F: s=mx d=mg.example a=rsa-sha256 SSL"));
	CHECK(says("amavis", "(00803-01) Passed SPAM {RelayedTaggedInbound,Quarantined}, [127.0.0.1]:57256 <a@b> -> <c@d>, Hits: 1003.5",
		   "still passed it on"));
	CHECK(says("amavis", "(00803-01) Passed CLEAN {RelayedInbound}, [192.0.2.1]:1 <a@b> -> <c@d>", "clean"));
	CHECK(says("amavis", "(00585-01) Blocked SPAM {DiscardedInbound,Quarantined}, [1.1.1.1]:54163", "blocked the message"));
	CHECK(!told("amavis", "(00984-01) spam-tag, <a@b> -> <c@d>, No, score=6.01"));
	CHECK(!told("amavis", "(00803-01)Passed SPAM"));
	CHECK(says("spamd", "spamd: result: Y 1000 - GTUBE,HTML_MESSAGE scantime=5.9", "as spam (score 1000)"));
	CHECK(says("spamd", "result: . 0 - BAYES_00 scantime=0.4", "under its spam threshold (score 0)"));
	CHECK(!told("spamd", "spamd: result: Q 3 - X"));
	CHECK(!told("spamd", "spamd: result: Y"));
	CHECK(!told("spamd", "spamd: connection from localhost [127.0.0.1] at port 51107"));
}
