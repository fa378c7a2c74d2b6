#!/usr/bin/env bash
# Acceptance checks of histext-entities on two whole books that Debian ships:
#   - the King James Bible (packages bible-kjv and bible-kjv-text: /usr/lib/bible.data is indexed
#     and compressed, so the text is printed with `bible Gen1:1-Rev22:21`, one chapter per block as
#     in bench/make_corpus.sh): the well-known people are persons and the well-known places are
#     places, each under exactly its name; common words capitalised at the start of a verse are
#     never a person or a place, and no person or place starts with one of the verse openers;
#   - the GNU GPL version 3 (/usr/share/common-licenses/GPL-3, package base-files): a legal text
#     naming nobody, so no person or place has a legal phrase in its name and there are at most
#     GPL_MAX_NAMES (default 2) persons and places at all.
# Runs `histext-entities --format json` on each and checks its output with python3. Installs
# nothing (.ci/setup lists bible-kjv and bible-kjv-text). Prints one PASS/FAIL line per check;
# exits 1 when a check fails, 2 when a book or the tool is missing.
#   bench/entities_books.sh   (env: BUILD_DIR=build ENTITIES=BUILD_DIR/tools/histext-entities
#                              WORK_DIR=a temporary folder (KEEP the JSON there) GPL=/usr/share/common-licenses/GPL-3
#                              GPL_MAX_NAMES=2)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
entities=${ENTITIES:-$build/tools/histext-entities}
gpl=${GPL:-/usr/share/common-licenses/GPL-3}
[ -x "$entities" ] || { echo "entities_books: $entities is not built" >&2; exit 2; }
if ! command -v bible >/dev/null || [ ! -s /usr/lib/bible.data ]; then
  echo "entities_books: the King James Bible is missing (apt-get install bible-kjv bible-kjv-text)" >&2
  exit 2
fi
[ -s "$gpl" ] || { echo "entities_books: $gpl is missing (package base-files)" >&2; exit 2; }
if [ -n "${WORK_DIR:-}" ]; then
  work=$WORK_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# The same layout as bench/make_corpus.sh: a blank line before each "Book N" chapter heading.
bible Gen1:1-Rev22:21 | sed 's/^\(.*[a-z] [0-9][0-9]*\)$/\n\1/' > "$work/kjv.txt"
echo "entities_books: $(date -u +%FT%TZ), tool $entities"
for book in kjv gpl3; do
  if [ $book = kjv ]; then input=$work/kjv.txt; else input=$gpl; fi
  /usr/bin/time -f '%e %M' -o "$work/$book.time" "$entities" --format json -o "$work/$book.json" "$input" ||
    { echo "entities_books: histext-entities failed on $input" >&2; exit 2; }
  read -r wall kb < "$work/$book.time"
  printf '%s: %s, %d bytes, %.2f s, peak RSS %.0f MB\n' "$book" "$input" "$(stat -L -c %s "$input")" "$wall" \
    "$(awk "BEGIN {print $kb / 1024}")"
done

GPL_MAX_NAMES=${GPL_MAX_NAMES:-2} python3 - "$work/kjv.json" "$work/gpl3.json" <<'PY'
import json, os, sys

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["entities"]

failed = 0

def check(ok, what, detail=""):
    global failed
    print("%s  %s%s" % ("PASS" if ok else "FAIL", what, (": " + detail) if detail else ""))
    failed |= not ok

def describe(entities, limit=12):
    shown = ", ".join("%s (%s, %d)" % (e["name"], e["type"], e["count"]) for e in entities[:limit])
    return shown + (", ... %d more" % (len(entities) - limit) if len(entities) > limit else "")

def types_of(entities, name):
    return sorted({e["type"] for e in entities if e["name"] == name})

def found(entities, *names):
    """How the names were found: their types, and the entities that have one of them as an alias."""
    types = sorted({t for n in names for t in types_of(entities, n)})
    aliased = [e for e in entities if any(n in e.get("aliases", []) for n in names)]
    text = "found as " + (", ".join(types) or "nothing")
    return text + ("; an alias of " + describe(aliased, 4) if aliased else "")

# --- King James Bible --------------------------------------------------------------------------
kjv = load(sys.argv[1])
print("kjv: %d entities (%s)" % (len(kjv), ", ".join(
    "%d %s" % (sum(e["type"] == t for e in kjv), t) for t in ("person", "group", "place", "work", "other"))))
people = ["David", "Moses", "Aaron", "Solomon", "Abraham", "Isaac", "Jacob", "Saul", "Paul"]
for name in people:
    check("person" in types_of(kjv, name), "kjv: %s is a person" % name, found(kjv, name))
check("person" in types_of(kjv, "Jesus") + types_of(kjv, "Jesus Christ"), "kjv: Jesus (or Jesus Christ) is a person",
      found(kjv, "Jesus", "Jesus Christ"))
for name in ["Egypt", "Jerusalem", "Babylon", "Jordan"]:
    check("place" in types_of(kjv, name), "kjv: %s is a place" % name, found(kjv, name))
# Plain words a verse can start with (capitalised there, or a chapter's first word in capitals).
# "LORD", "God" and the like are names or titles: either reading is allowed, so they are not listed.
common = ["And", "Behold", "Now", "Then", "Thou", "Ye", "Day", "Night", "Man", "Woman", "Heaven", "Earth",
          "Water", "Light", "Blessed", "Verily", "Wherefore", "Whosoever", "Amen", "For", "But", "Therefore"]
lowered = {w.lower() for w in common}
bad = [e for e in kjv if e["type"] in ("person", "place") and e["name"].lower() in lowered]
check(not bad, "kjv: no common word (%s) is a person or place" % ", ".join(common), describe(bad))
openers = {w.lower() for w in ["And", "Behold", "Now", "Then", "Thou", "Ye", "Verily", "Wherefore", "Whosoever",
                               "For", "But", "Therefore"]}
bad = [e for e in kjv if e["type"] in ("person", "place") and " " in e["name"]
       and e["name"].split(" ")[0].lower() in openers]
check(not bad, "kjv: no person or place starts with a verse opener (And David, Behold Jerusalem...)", describe(bad))

# --- GNU GPL version 3 ------------------------------------------------------------------------
gpl = load(sys.argv[2])
print("gpl3: %d entities: %s" % (len(gpl), describe(gpl, 30)))
legal = ["warranty", "license", "licence", "licensee", "licensor", "program", "software", "covered work",
         "copyright", "patent", "source", "object code", "corresponding", "contributor", "convey", "derivative",
         "notice", "termination", "section", "library", "user product", "installation information",
         "merchantability", "fitness", "liability", "damages", "agreement", "trademark", "foundation", "gnu",
         "general public", "affero", "work", "author", "holder", "product", "system", "interface"]
names = [e for e in gpl if e["type"] in ("person", "place")]
bad = [e for e in names if any(w in e["name"].lower() for w in legal)]
check(not bad, "gpl3: no person or place has a legal phrase in its name (%s)" % ", ".join(legal), describe(bad))
limit = int(os.environ["GPL_MAX_NAMES"])
check(len(names) <= limit, "gpl3: at most %d persons and places in all" % limit,
      "%d: %s" % (len(names), describe(names)))
# Groups are allowed (the Free Software Foundation is one); listed for the record.
groups = [e for e in gpl if e["type"] == "group"]
print("gpl3: groups (allowed): %s" % (describe(groups) or "none"))
sys.exit(1 if failed else 0)
PY
