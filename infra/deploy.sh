#!/usr/bin/env bash
# `make deploy STAGE=dev|staging|prod [PARAMS="Key=Value ..."]`: build the functions, deploy the stack with
# SAM, write the site's /config.json from the stack's outputs, then publish the built site to its bucket and
# refresh CloudFront. Steps and recovery: infra/RUNBOOK.md.
# Needs AWS credentials (AWS_PROFILE / AWS_REGION); SAM CLI and the AWS CLI come from PyPI through uv.
set -euo pipefail
cd "$(dirname "$0")/.."

STAGE=${STAGE:-dev}
PARAMS=${PARAMS:-}
UV=.tools/bin/uv
SAM=("$UV" tool run --from "aws-sam-cli>=1.120" sam)
AWS=("$UV" tool run --from "awscli>=1.33" aws)
STAGED=build/deploy

# Stage only what Lambda runs: the template's CodeUri ".." is then build/deploy/, not the whole checkout
# (no .venv, .tools, tests or site in the function package).
rm -rf "$STAGED"
mkdir -p "$STAGED/infra"
tar --exclude=__pycache__ -cf - functions schemas | tar -xf - -C "$STAGED"
cp infra/template.yaml infra/samconfig.toml "$STAGED/infra/"
"$UV" export --frozen --no-dev --no-emit-project --no-hashes --quiet --output-file "$STAGED/requirements.txt"

output() {  # a stack output, or nothing (no stack yet, or no such output)
  local value
  value=$("${AWS[@]}" cloudformation describe-stacks --stack-name "gdskills-$STAGE" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text 2>/dev/null) || value=""
  [[ "$value" == "None" ]] && value=""
  echo "$value"
}

# Parameters: the stage's section of samconfig.toml, then what this script knows, then PARAMS (last wins).
# - InlineScriptHashes: the built pages' inline scripts (site/hooks/csp.py), so the CSP needs no 'unsafe-inline';
# - SiteUrl: without a DomainName the sign-in callback URL is the CloudFront domain, known once it exists.
base=$(python3 -c "import tomllib,sys; print(tomllib.load(open('infra/samconfig.toml','rb'))[sys.argv[1]]['deploy']['parameters']['parameter_overrides'])" "$STAGE")
hashes=$(paste -sd, build/csp-script-hashes.txt)
site_url=$(output SiteUrl)
[[ "$site_url" == https://* ]] || site_url=""

deploy() {  # $1: the SiteUrl to pass (may be empty)
  local params="$base InlineScriptHashes=$hashes"
  [[ -n "$1" ]] && params="$params SiteUrl=$1"
  [[ -n "$PARAMS" ]] && params="$params $PARAMS"
  (
    cd "$STAGED/infra"
    # SAM_BUILD_FLAGS=--use-container builds in Docker when the local python3.11 is missing.
    "${SAM[@]}" build --config-env "$STAGE" ${SAM_BUILD_FLAGS:-}
    "${SAM[@]}" deploy --config-env "$STAGE" --parameter-overrides "$params"
  )
}
deploy "$site_url"
if [[ -z "$(output SignInCallbackUrl)" ]]; then
  # First deploy without a DomainName: the distribution's URL exists only now; give it to the app client.
  deploy "$(output SiteUrl)"
fi

# The pages read their sign-in settings at run time from /config.json, written from the stack as it now is.
callback=$(output SignInCallbackUrl)
[[ -n "$callback" ]] || { echo "the stack has no sign-in callback URL; see infra/RUNBOOK.md" >&2; exit 1; }
python3 - "$(output AuthDomain)" "$(output UserPoolClientId)" "$callback" "$(output SiteUrl)/" >build/site/config.json <<'PY'
import json, sys
domain, client, callback, logout = sys.argv[1:5]
print(json.dumps({"auth": {"mode": "cognito", "domain": domain, "client_id": client,
                           "redirect_uri": callback, "logout_uri": logout}}))
PY

bucket=$(output SiteBucketName)
distribution=$(output DistributionId)
# The demo login exists only on the local server: its module is never published.
"${AWS[@]}" s3 sync build/site "s3://$bucket" --delete --only-show-errors --exclude "assets/js/demo-signin.js"
"${AWS[@]}" s3 cp build/site/config.json "s3://$bucket/config.json" --cache-control no-cache \
  --content-type application/json --only-show-errors
"${AWS[@]}" cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" --output text >/dev/null
echo "site: $(output SiteUrl)   api: $(output ApiUrl)"
