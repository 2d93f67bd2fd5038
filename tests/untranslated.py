#!/usr/bin/env python3
"""untranslated.py OUTPUT [ALLOW] - the lines of postsleuth's output, run
under the pseudo-language of suite-untranslated.sh (every msgstr is its
msgid between U+27E6 and U+27E7), that hold English prose outside the
markers: printed as "LINE: TEXT", one a line.

Prose is three or more words of ASCII letters in a row, or a sentence
of two ("Nothing unusual."), outside the markers, after the data is taken out: log lines (from their time stamp, their
"program[pid]:" or Postfix's lower-case "warning: " on, when not inside
a marker opened on the same line), quoted text ("..." and `...`), and every token
that is not a plain word (addresses, host names, parameter_names, ids
with a hyphen, numbers, options).  A run ends at a word that ends with
punctuation and at one that opens a parenthesis (lists of data:
"admin (unknown user), root"), and goes on across a line break only into
a line of the same indentation (prose folded at 78 columns, not a
table).  ALLOW holds regular expressions, one a line, for lines that are
data although they look like prose; each with its reason in a comment.
"""
import re
import sys

OPEN, CLOSE = '\u27e6', '\u27e7'
STAMP = re.compile(r'\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d')
# a program tag with its pid, a Postfix tag without one (a pasted line:
# "postfix/smtpd: NOQUEUE: ..."), or Postfix's severity
PROG = re.compile(r'[\w.-]+(?:/[\w.-]+)*\[\d+\]:|\bpostfix[\w.-]*/[\w./-]+: |\b(?:warning|error|fatal|panic): ')
WORD = re.compile(r"\(?[A-Za-z]+(?:'[A-Za-z]+)?[,.;:!?)]*")
MARKED = re.compile(OPEN + '[^' + OPEN + CLOSE + ']*' + CLOSE)
QUOTED = [re.compile(r'"[^"\n]*(?:\n[^"\n]*){0,3}"'), re.compile(r'`[^`\n]*(?:\n[^`\n]*){0,3}`')]


def blank(m):
    """a breaker in place of m, with its line breaks (lines keep their numbers)"""
    return ' | ' + '\n' * m.group(0).count('\n')


def strip_data(text):
    """the text with the marked prose and the data replaced by breakers"""
    s = text
    while True:     # innermost first: a marked sentence holds marked pieces
        n = MARKED.sub(blank, s)
        if n == s:
            break
        s = n
    s = s.replace(OPEN, ' | ').replace(CLOSE, ' | ')
    # then a log line from its time or program on (after the marked
    # prose: "error: lines" inside a sentence is no log line)
    out = []
    for line in s.split('\n'):
        m = PROG.search(line)
        if m:
            st = STAMP.search(line, 0, m.start())
            line = line[:st.start() if st else m.start()] + ' | '
        out.append(line)
    s = '\n'.join(out)
    for q in QUOTED:
        s = q.sub(blank, s)
    return s


def indent(line):
    return len(line) - len(line.lstrip(' '))


def escaped(text, allow=()):
    """[(line number, line)] of the lines with English prose outside the markers"""
    lines = text.split('\n')
    s = strip_data(text).split('\n')
    # an allowed line is data: blank, so that no run of words goes on
    # from it into the next line
    s = ['' if any(a.search(lines[no]) for a in allow) else l for no, l in enumerate(s)]
    bad, run, words = set(), [], []

    def end():
        # three words, or a short sentence of its own: "Nothing unusual."
        if len(run) >= 3 or (len(run) == 2 and words[0][0].isupper() and words[-1][-1] == '.'):
            bad.update(run)
        run.clear()
        words.clear()
    for no, line in enumerate(s):
        if run and (not line.strip() or indent(lines[no]) != indent(lines[no - 1])):
            end()
        for tok in line.split():
            if not WORD.fullmatch(tok):
                end()
                continue
            if tok.startswith('('):
                end()
            run.append(no)
            words.append(tok.lstrip('('))
            if tok[-1] in ',.;:!?)':
                end()
    end()
    return [(no + 1, lines[no]) for no in sorted(bad)]


def load_allow(path):
    allow = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line and not line.startswith('#'):
            allow.append(re.compile(line))
    return allow


if __name__ == '__main__':
    allow = load_allow(sys.argv[2]) if len(sys.argv) > 2 else []
    text = open(sys.argv[1], encoding='utf-8', errors='replace').read()
    for no, line in escaped(text, allow):
        print('%d: %s' % (no, line))
