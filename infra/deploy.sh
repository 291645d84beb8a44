#!/usr/bin/env bash
# `make deploy STAGE=dev|staging|prod [PARAMS="Key=Value ..."]`: build the functions, deploy the stack with
# SAM, then publish the built site to its bucket and refresh CloudFront. Steps and recovery: infra/RUNBOOK.md.
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

overrides=()
if [[ -n "$PARAMS" ]]; then  # replaces the section's parameter_overrides, so Stage is repeated here
  overrides=(--parameter-overrides "Stage=$STAGE $PARAMS")
fi
(
  cd "$STAGED/infra"
  # SAM_BUILD_FLAGS=--use-container builds in Docker when the local python3.11 is missing.
  "${SAM[@]}" build --config-env "$STAGE" ${SAM_BUILD_FLAGS:-}
  "${SAM[@]}" deploy --config-env "$STAGE" "${overrides[@]}"
)

output() {
  "${AWS[@]}" cloudformation describe-stacks --stack-name "gdskills-$STAGE" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket=$(output SiteBucketName)
distribution=$(output DistributionId)
"${AWS[@]}" s3 sync build/site "s3://$bucket" --delete --only-show-errors
"${AWS[@]}" cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" --output text >/dev/null
echo "site: $(output SiteUrl)   api: $(output ApiUrl)"
