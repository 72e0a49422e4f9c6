#!/usr/bin/env bash
# Creates the migrated template database that every database test clones.
#   prepare-template.sh PGDIR FRONTDESK_ADMIN
set -euo pipefail
url=$(cat "$1/url")
admin=$2
PGPASSWORD=$(cat "$1/password")
export PGPASSWORD
psql "$url" -q -v ON_ERROR_STOP=1 -c "drop database if exists frontdesk_template" \
    -c "create database frontdesk_template owner frontdesk_owner"
owner_url="${url/postgres@/frontdesk_owner@}"
FRONTDESK_DATABASE="${owner_url%/postgres}/frontdesk_template" "$admin" migrate
