#!/usr/bin/env bash
# Container health check without curl or wget in the image: one HTTP/1.0 GET over bash's /dev/tcp.
# Usage: aios-healthcheck [path]  (default $HEALTH_PATH); healthy only on HTTP 200. Actuator answers on
# MANAGEMENT_SERVER_PORT when a service sets one (the router: its API port needs a token, ADR 0041), else on SERVER_PORT.
set -euo pipefail
path=${1:-${HEALTH_PATH:-/actuator/health/liveness}}
port=${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
read -r -t 3 _ status _ <&3
exec 3>&-
[ "$status" = "200" ]
