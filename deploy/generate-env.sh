#!/usr/bin/env bash
# Writes .env for docker compose: copies deploy/.env.example when there is no .env yet, fills every EMPTY password
# and router token with a random value, and (re)writes each router token's SHA-256 digest for the router (ADR 0041).
# Values already set are kept, so re-running it is safe (changing a database password would lock out its volume).
# Usage: deploy/generate-env.sh [--rotate-router-tokens] [ENV_FILE]   (default: .env in the repository root)
set -euo pipefail

rotate=false
if [ "${1:-}" = "--rotate-router-tokens" ]; then
    rotate=true
    shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
env_file=${1:-$root/.env}
if [ $# -gt 1 ]; then
    echo "usage: deploy/generate-env.sh [--rotate-router-tokens] [ENV_FILE]" >&2
    exit 2
fi
for tool in sha256sum base64 head; do
    command -v "$tool" >/dev/null || { echo "generate-env.sh: $tool is required" >&2; exit 1; }
done

if [ ! -e "$env_file" ]; then
    cp "$root/deploy/.env.example" "$env_file"
    echo "created $env_file from deploy/.env.example"
fi
chmod 600 "$env_file"

# 32 random bytes, URL-safe Base64 without padding (43 characters): what RouterToken.generate() makes
random_token() {
    head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

current() {
    grep -E "^$1=" "$env_file" | tail -n 1 | cut -d= -f2- || true
}

# Sets KEY=VALUE in place (or appends it); values are URL-safe Base64 or hex, so no escaping is needed.
set_value() {
    local key=$1 value=$2 tmp
    tmp=$(mktemp "$env_file.XXXXXX")
    if grep -qE "^$key=" "$env_file"; then
        awk -v key="$key" -v value="$value" -F= '$1 == key { print key "=" value; next } { print }' "$env_file" >"$tmp"
    else
        cat "$env_file" >"$tmp"
        printf '%s=%s\n' "$key" "$value" >>"$tmp"
    fi
    chmod 600 "$tmp"
    mv "$tmp" "$env_file"
}

# the broker's admin password and each service's own broker user (ADR 0042), the database, Grafana
for key in RABBITMQ_PASSWORD RABBITMQ_PASSWORD_ORCHESTRATOR RABBITMQ_PASSWORD_LLM_ROUTER RABBITMQ_PASSWORD_AGENTS_CTO \
    RABBITMQ_PASSWORD_AGENTS_FRONTEND RABBITMQ_PASSWORD_AGENTS_BACKEND RABBITMQ_PASSWORD_AGENTS_QA \
    RABBITMQ_PASSWORD_AGENTS_DEVOPS POSTGRES_PASSWORD GRAFANA_ADMIN_PASSWORD; do
    if [ -z "$(current "$key")" ]; then
        set_value "$key" "$(random_token)"
        echo "$key: generated"
    fi
done

# the orchestrator's token only reads budgets (ADR 0043); each agent's calls models (ADR 0041)
for service in ORCHESTRATOR AGENTS_CTO AGENTS_FRONTEND AGENTS_BACKEND AGENTS_QA AGENTS_DEVOPS; do
    token_key=AIOS_ROUTER_TOKEN_$service
    token=$(current "$token_key")
    if [ -z "$token" ] || [ "$rotate" = true ]; then
        token=$(random_token)
        set_value "$token_key" "$token"
        echo "$token_key: generated"
    fi
    if [ "${#token}" -lt 32 ]; then
        echo "generate-env.sh: $token_key holds fewer than 32 characters; empty it (or use --rotate-router-tokens) and run again" >&2
        exit 1
    fi
    set_value "AIOS_ROUTER_CLIENT_${service}_SHA256" "$(printf %s "$token" | sha256sum | cut -d' ' -f1)"
done
echo "router token digests written; set a provider key (ANTHROPIC_API_KEY, OPENAI_API_KEY or AIOS_LOCAL_MODEL_URL) in $env_file"
