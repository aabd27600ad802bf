#!/usr/bin/env bash
# Lighthouse on the served article page with 50 approved comments, repeatable by anyone:
#   scripts/lighthouse.sh            (needs Java 17+, Maven, Node 20 with npm/npx, and Chromium)
# Starts the local runner on a free port with an in-memory database, posts 50 comments to the lead sample article
# through the public API, runs lighthouse@12.2.3 (mobile emulation, its default) and prints the four scores.
# Environment: CHROME_PATH (default /usr/bin/chromium), PORT (default 3999), OUT (default target/lighthouse),
# SHOW_AVATARS (true, or false for a site that turns avatars off: then the page makes no third-party request).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PORT="${PORT:-3999}"
OUT="${OUT:-target/lighthouse}"
SHOW_AVATARS="${SHOW_AVATARS:-true}"
TOKEN="lighthouse-$$"
SLUG="wagner-to-withdraw-from-mali-after-completing-mission"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"

mvn -q compile >/dev/null
PORT="$PORT" ADMIN_TOKEN="$TOKEN" LOCAL_DB=memory mvn -q exec:java >"$OUT/runner.log" 2>&1 &
RUNNER=$!
trap 'kill "$RUNNER" 2>/dev/null; wait "$RUNNER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "Listening on" "$OUT/runner.log" 2>/dev/null && break
  sleep 1
done
grep -q "Listening on" "$OUT/runner.log" || { echo "the runner did not start; see $OUT/runner.log" >&2; exit 1; }

version=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/admin/settings" | sed -E 's/.*"version":([0-9]+).*/\1/')
curl -s -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d "{\"floodSeconds\":0,\"moderateAll\":false,\"requirePreviouslyApproved\":false,\"showAvatars\":$SHOW_AVATARS,\"version\":$version}" "$BASE/admin/settings"
existing=$(curl -s "$BASE/articles/$SLUG" | sed -E 's/.*"commentCount":([0-9]+).*/\1/')
for n in $(seq $((existing + 1)) 50); do
  curl -s -o /dev/null -X POST -H "Content-Type: application/json" \
    -d "{\"authorName\":\"Reader $n\",\"authorEmail\":\"reader$n@example.com\",\"content\":\"Comment number $n: a few sentences of a reader's view on the story, long enough to look like a real comment on a news site.\"}" \
    "$BASE/articles/$SLUG/comments"
done
sleep 2
echo "comments on the page: $(curl -s "$BASE/news/$SLUG" | grep -c 'class="comment depth-')"

npx -y lighthouse@12.2.3 "$BASE/news/$SLUG" --quiet \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
  --only-categories=performance,accessibility,best-practices,seo \
  --output=json --output=html --output-path="$OUT/article" >/dev/null
node -e '
  const r = require(process.argv[1]);
  for (const [k, c] of Object.entries(r.categories)) { console.log(k.padEnd(15) + c.score.toFixed(2)); }
  const a = r.audits;
  console.log("CLS".padEnd(15) + a["cumulative-layout-shift"].numericValue.toFixed(3));
  console.log("LCP ms".padEnd(15) + Math.round(a["largest-contentful-paint"].numericValue));
  console.log("TBT ms".padEnd(15) + Math.round(a["total-blocking-time"].numericValue));
' "$(pwd)/$OUT/article.report.json"
echo "report: $OUT/article.report.html"
