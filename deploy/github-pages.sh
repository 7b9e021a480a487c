#!/bin/sh
# Waymark on GitHub Pages, which sends no headers of a site's own: the
# build's Content-Security-Policy written into every page as
# <meta http-equiv="Content-Security-Policy">, the first thing in <head>, so
# it is in force before the page's inline stylesheet or any script.
# Run it from the repository after `cargo xtask build`, on the folder you
# publish, and give the origin of your referral endpoint so that the policy
# lets the widget post there and nowhere else:
#
#   deploy/github-pages.sh dist https://forms.example.org
#
# What a meta policy cannot do, and what GitHub Pages does not do: docs/deploying.md.
set -eu

dir=${1:?usage: deploy/github-pages.sh <built folder> [<referral endpoint origin>...]}
shift
[ -f "$dir/_headers" ] || { echo "$dir/_headers is missing: run cargo xtask build first" >&2; exit 1; }
policy=$(sed -n 's/^  Content-Security-Policy: //p' "$dir/_headers")
[ -n "$policy" ] || { echo "$dir/_headers has no Content-Security-Policy" >&2; exit 1; }
# frame-ancestors works only as a header: browsers ignore it in a meta
# element (and say so in the console), so it is left out.
policy=$(printf '%s' "$policy" | sed 's/; *frame-ancestors [^;]*//')
if [ "$#" -gt 0 ]; then
  policy=$(printf '%s' "$policy" | sed "s|connect-src [^;]*|connect-src 'self' $*|")
fi
meta="<meta http-equiv=\"Content-Security-Policy\" content=\"$policy\">"

find "$dir" -name '*.html' | while IFS= read -r page; do
  if grep -q 'http-equiv="Content-Security-Policy"' "$page"; then
    echo "$page has a policy already: run this once, on a fresh build" >&2
    exit 1
  fi
  grep -q '<meta charset="utf-8">' "$page" || { echo "$page has no <meta charset=\"utf-8\">" >&2; exit 1; }
  # Straight after <meta charset>, which must stay first.
  awk -v meta="$meta" '{ print } !done && /<meta charset="utf-8">/ { print "  " meta; done = 1 }' "$page" >"$page.tmp"
  mv "$page.tmp" "$page"
done

# GitHub Pages answers an address with no file with 404.html (status 404):
# the app's plain shell, which draws whatever the address is.
cp "$dir/app.html" "$dir/404.html"
# GitHub compresses by itself; the build's copies now differ from the pages.
find "$dir" \( -name '*.gz' -o -name '*.br' \) -exec rm {} +
# Publish every file as it is (no Jekyll).
touch "$dir/.nojekyll"
# The pages changed, so the service worker's release does too.
cargo xtask offline "$dir"
echo "github-pages: the policy is in every page of $dir ($(find "$dir" -name '*.html' | wc -l)); publish $dir"
