#!/usr/bin/env bash
# Publishes the static files of web/ (console, widget, pages' assets) to the stack's private bucket, with the
# console's config.json written from the stack's own outputs, then invalidates the distribution's copies.
# Run after `sam deploy`:   scripts/publish-site.sh [STACK_NAME]   (default: samconfig.toml's stack, newsroom-comments)
# Needs the AWS CLI v2 and the deploying credentials; honours AWS_REGION / AWS_PROFILE / AWS_ENDPOINT_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

stack=${1:-${STACK_NAME:-newsroom-comments}}
output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue | [0]" --output text
}

bucket=$(output SiteBucketName)
distribution=$(output SiteDistributionId)
client=$(output UserPoolClientId)
login=$(output ManagedLoginDomain)
if [ -z "$bucket" ] || [ "$bucket" = "None" ]; then
  echo "publish-site: stack $stack has no SiteBucketName output (deploy this template first: sam deploy)" >&2
  exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R web/. "$staging/"
# The console talks to the API on its own origin (the distribution serves both), so "api" stays empty.
case "$login" in
  https://*)
    printf '{\n  "api": "",\n  "clientId": "%s",\n  "authorize": "%s/oauth2/authorize",\n  "token": "%s/oauth2/token",\n  "revoke": "%s/oauth2/revoke",\n  "logout": "%s/logout",\n  "scope": "openid email profile"\n}\n' \
      "$client" "$login" "$login" "$login" "$login" > "$staging/console/config.json" ;;
  *)
    echo "publish-site: warning: the stack has no sign-in domain yet, so the console cannot sign in (deploy with SignInDomainPrefix)" >&2
    printf '{\n  "api": "",\n  "clientId": "%s",\n  "authorize": "",\n  "token": "",\n  "revoke": "",\n  "logout": "",\n  "scope": "openid email profile"\n}\n' \
      "$client" > "$staging/console/config.json" ;;
esac

# Pictures may be kept a day; pages, scripts, styles and the configuration are checked again every time (the
# console's modules import one another, so a browser must never mix a new file with a day-old one).
aws s3 sync "$staging/" "s3://$bucket/" --delete --only-show-errors \
  --exclude "*.html" --exclude "*.js" --exclude "*.css" --exclude "*.json" \
  --cache-control "public, max-age=86400"
aws s3 sync "$staging/" "s3://$bucket/" --delete --only-show-errors \
  --exclude "*" --include "*.html" --include "*.js" --include "*.css" --include "*.json" --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" \
  --query "Invalidation.Id" --output text >/dev/null

echo "Published $(find "$staging" -type f | wc -l | tr -d ' ') files to s3://$bucket (distribution $distribution invalidated)"
echo "Site:    $(output SiteUrl)"
echo "Console: $(output ConsoleUrl)"
echo "Widget:  $(output WidgetSnippet)"
