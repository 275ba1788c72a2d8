#!/usr/bin/env bash
# Deploys e2e/template.yaml as stack $1 (the deploy role's credentials in the environment) and writes the stack's
# outputs as step outputs: pr-function, base-function, snapstart-function, tuning-role.
# Usage: e2e/deploy.sh STACK_NAME DEPLOY_ROLE_ARN
set -euo pipefail
stack=$1
deploy_role=$2
here=$(cd "$(dirname "$0")" && pwd)
aws cloudformation deploy \
  --stack-name "$stack" \
  --template-file "$here/template.yaml" \
  --capabilities CAPABILITY_IAM \
  --parameter-overrides "DeployRoleArn=$deploy_role" \
  --tags purpose=lambda-power-gate-e2e \
  --no-fail-on-empty-changeset
output() {
  aws cloudformation describe-stacks --stack-name "$stack" --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
{
  echo "pr-function=$(output PrFunction)"
  echo "base-function=$(output BaseFunction)"
  echo "snapstart-function=$(output SnapStartFunction)"
  echo "tuning-role=$(output TuningRoleArn)"
} >> "${GITHUB_OUTPUT:-/dev/stdout}"
