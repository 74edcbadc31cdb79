#!/bin/sh
# Creates the AIOS virtual host and one RabbitMQ user per service with its permissions, through the management HTTP API.
# Idempotent (every call is a PUT): re-running it resets the passwords and permissions to what the spec says.
#
#   provision-rabbitmq.sh <spec>     spec lines: <username> <password-variable> <configure> <write> <read>
#
# Environment: RABBITMQ_MANAGEMENT_URL (http(s)://host:15672), RABBITMQ_ADMIN_USERNAME, RABBITMQ_ADMIN_PASSWORD,
# RABBITMQ_VHOST, optional RABBITMQ_CA_FILE (CA of an https management listener), and each spec line's password variable.
# Used by the Helm chart's provisioning Job and by docker-compose.yml's rabbitmq-provision service.
set -eu

spec="$1"
base="${RABBITMQ_MANAGEMENT_URL%/}"
vhost=$(printf '%s' "$RABBITMQ_VHOST" | sed 's/%/%25/g; s|/|%2F|g')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# credentials go to curl through a file, never its command line (visible in the process list)
umask 077
printf 'user = "%s:%s"\n' "$RABBITMQ_ADMIN_USERNAME" "$RABBITMQ_ADMIN_PASSWORD" > "$work/curlrc"
if [ -n "${RABBITMQ_CA_FILE:-}" ]; then
    printf 'cacert = "%s"\n' "$RABBITMQ_CA_FILE" >> "$work/curlrc"
fi

json() {
    printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

put() {
    printf '%s' "$2" > "$work/body"
    code=$(curl -sS -K "$work/curlrc" -o "$work/response" -w '%{http_code}' -X PUT \
        -H 'content-type: application/json' --data-binary "@$work/body" "$base/api/$1") || {
        echo "provision-rabbitmq: cannot reach $base" >&2
        exit 1
    }
    case "$code" in
        2*) ;;
        *) echo "provision-rabbitmq: PUT /api/$1 answered $code: $(cat "$work/response")" >&2; exit 1 ;;
    esac
}

put "vhosts/$vhost" '{}'
echo "virtual host $RABBITMQ_VHOST"
while read -r user password_variable configure write read; do
    case "$user" in
        '' | '#'*) continue ;;
    esac
    eval "password=\${$password_variable:-}"
    if [ -z "$password" ]; then
        echo "provision-rabbitmq: no password for $user (set $password_variable)" >&2
        exit 1
    fi
    put "users/$user" "{\"password\":\"$(json "$password")\",\"tags\":\"\"}"
    put "permissions/$vhost/$user" \
        "{\"configure\":\"$(json "$configure")\",\"write\":\"$(json "$write")\",\"read\":\"$(json "$read")\"}"
    echo "user $user: configure $configure, write $write, read $read"
done < "$spec"
