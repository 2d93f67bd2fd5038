#!/bin/sh
# suite-layers.sh [BIN] - the layout of src/ against DESIGN.md's stage order:
# the include graph (from the #include "..." lines of every .c and .h)
# has no cycle and no edge from a stage to a later one; every folder is a
# declared stage; every file starts with a comment naming it and saying
# its role; no file name is used in two folders; writers (src/report)
# never sort their input.  BIN is not used: this reads the source.
# Last line: "layers: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/src" || exit 1
export LC_ALL=C
# the stages, first to last (DESIGN.md); main.c is the last
LAYERS="util input syslog parse feed model analyze diagnose act live report cmd main"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

find . -name '*.[ch]' | sed 's|^\./||' | sort >"$tmp/files"
[ "$(wc -l <"$tmp/files")" -ge 50 ] && ok || ko "fewer than 50 source files found under src/"

# every folder is a declared stage
for d in $(sed -n 's|/.*||p' "$tmp/files" | grep -v '\.[ch]$' | sort -u); do
	case " $LAYERS " in
	*" $d "*) ok ;;
	*) ko "src/$d/ is not a stage of the declared order ($LAYERS)" ;;
	esac
done

# edges "from to", includes resolved against the including file's folder
while read -r f; do
	dir=$(dirname "$f")
	sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
		t=$dir/$inc
		[ "$dir" = . ] && t=$inc
		# normalise a/b/../c -> a/c
		while :; do
			n=$(echo "$t" | sed 's|[^/.][^/]*/\.\./||; s|^\./||')
			[ "$n" = "$t" ] && break
			t=$n
		done
		if grep -qx "$t" "$tmp/files"; then
			echo "$f $t"
		elif [ -f "${t%.h}.sh" ]; then
			: # made at build time by the script beside it (html_assets.sh)
		else
			echo "MISSING $f $inc"
		fi
	done
done <"$tmp/files" >"$tmp/edges"
grep '^MISSING' "$tmp/edges" | while read -r _ f inc; do echo "FAIL $f includes \"$inc\", not a file of src/"; done
nmiss=$(grep -c '^MISSING' "$tmp/edges")
[ "$nmiss" = 0 ] && ok || fail=$((fail + nmiss))
grep -v '^MISSING' "$tmp/edges" >"$tmp/e" && mv "$tmp/e" "$tmp/edges"
[ "$(wc -l <"$tmp/edges")" -ge 100 ] && ok || ko "fewer than 100 include edges found: did the include style change?"

# no upward edge: a file includes only its own stage or earlier ones
awk -v layers="$LAYERS" '
	BEGIN { n = split(layers, l, " "); for (i = 1; i <= n; i++) rank[l[i]] = i }
	function stage(f) { return index(f, "/") ? substr(f, 1, index(f, "/") - 1) : "main" }
	{
		a = stage($1); b = stage($2)
		if (rank[b] > rank[a]) { print "FAIL upward include: " $1 " (" a ") -> " $2 " (" b ")"; bad++ }
		else good++
	}
	END { print good + 0, bad + 0 > "/dev/stderr" }' "$tmp/edges" 2>"$tmp/up"
read -r g b <"$tmp/up"
pass=$((pass + g)) fail=$((fail + b))

# no cycle: depth-first search over the file graph
awk '
	{ adj[$1] = adj[$1] " " $2; node[$1] = 1; node[$2] = 1 }
	function dfs(u,    k, i, v, vs) {
		color[u] = 1; path[++depth] = u
		k = split(adj[u], vs, " ")
		for (i = 1; i <= k; i++) {
			v = vs[i]
			if (color[v] == 1) { cyc = ""; for (j = depth; j >= 1 && path[j] != v; j--) cyc = path[j] " -> " cyc
				print "FAIL include cycle: " v " -> " cyc v; ncyc++ }
			else if (!color[v]) dfs(v)
		}
		depth--; color[u] = 2
	}
	END { for (u in node) if (!color[u]) dfs(u); print (ncyc ? 0 : 1), ncyc + 0 > "/dev/stderr" }' \
	"$tmp/edges" 2>"$tmp/cyc"
read -r g b <"$tmp/cyc"
pass=$((pass + g)) fail=$((fail + b))

# each file opens with a comment: " * NAME - its role"
while read -r f; do
	b=$(basename "$f")
	if [ "$(sed -n 1p "$f")" = "/*" ] && sed -n 2p "$f" | grep -q "^ \* $b - ..*"; then
		ok
	else
		ko "src/$f does not start with a comment \"$b - its role\""
	fi
done <"$tmp/files"

# one name, one file
dups=$(sed 's|.*/||' "$tmp/files" | sort | uniq -d)
if [ -z "$dups" ]; then ok; else
	for d in $dups; do ko "the name $d is used in $(grep "/$d\$" "$tmp/files" | tr '\n' ' ')"; done
fi

# writers never sort their input (src/report only reads what it is given);
# a list a writer makes itself may be ordered, said on the line: "own list"
if grep -n 'qsort *(' report/*.c | grep -v 'own list' >"$tmp/sorts"; then
	while read -r l; do ko "a writer sorts: src/$l"; done <"$tmp/sorts"
else
	ok
fi

echo "layers: $pass passed, $fail failed"
[ "$fail" = 0 ]
