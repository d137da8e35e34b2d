#!/bin/sh
# Creates a self-signed PKCS#12 key store for trying HTTPS, and prints the start.ini lines that enable it.
# Usage: scripts/generate-keystore.sh [FILE] [HOST]      (defaults: etc/keystore.p12, localhost)
# The password comes from KEYSTORE_PASSWORD, or is generated. Not for production: use a certificate from your CA.
set -eu
file=${1:-etc/keystore.p12}
host=${2:-localhost}
password=${KEYSTORE_PASSWORD:-$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')}
if [ -e "$file" ]; then
    echo "$file exists; remove it first" >&2
    exit 1
fi
keytool -genkeypair -alias gms -keyalg RSA -keysize 2048 -validity 365 -storetype PKCS12 \
    -keystore "$file" -storepass "$password" -dname "CN=$host" \
    -ext "SAN=dns:$host,dns:localhost,ip:127.0.0.1" >/dev/null
chmod 600 "$file"
echo "Created $file. Add to etc/start.ini (or pass as -D options):"
echo "jetty.sslContext.keyStorePath=$file"
echo "jetty.sslContext.keyStorePassword=$password"
echo "jetty.sslContext.keyStoreType=PKCS12"
