#!/bin/bash
# Minimal Java runtime image, built without any registry:
#   a jlink'ed runtime from a JDK on this machine + glibc/libstdc++/zlib/busybox from Debian .debs,
#   then 'podman import'. Used as the base of the Kafka, Apicurio and app images.
# Usage: build.sh JDK_HOME IMAGE_NAME   (prints localhost/IMAGE_NAME:<recipe hash>)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
JDK=${1:?JDK home}
NAME=${2:?image name}
# modules for Kafka, Kafka Streams (RocksDB JNI), Javalin/Jetty and Quarkus (Apicurio)
WANTED="java.base java.compiler java.datatransfer java.desktop java.instrument java.logging java.management
java.management.rmi java.naming java.net.http java.prefs java.rmi java.scripting java.security.jgss
java.security.sasl java.sql java.transaction.xa java.xml java.xml.crypto jdk.crypto.ec jdk.crypto.cryptoki
jdk.localedata jdk.management jdk.management.agent jdk.naming.dns jdk.net jdk.unsupported jdk.zipfs jdk.jfr
jdk.security.auth jdk.security.jgss jdk.httpserver jdk.charsets"
HAVE=$("$JDK/bin/java" --list-modules | sed 's/@.*//')
MODULES=$(for m in $WANTED; do grep -qx "$m" <<<"$HAVE" && echo "$m"; done | paste -sd, -)
HASH=$(recipe_hash "$0" "$HERE/../lib.sh" "$("$JDK/bin/java" -version 2>&1)" "$MODULES")
REF=$NAME:$HASH
if image_current "$REF"; then log "$REF is up to date"; echo "$REF"; exit 0; fi

log "building $REF from $JDK"
W=$(mktemp -d /tmp/jre-jlink.XXXXXX); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/debs" "$W/rootfs"
DEBS="libc6 libgcc-s1 libstdc++6 zlib1g gcc-12-base busybox-static"
# shellcheck disable=SC2086
( cd "$W/debs" && { apt-get download -o APT::Sandbox::User=root -qq $DEBS >&2 2>/dev/null \
    || { apt-get update -qq -o DPkg::Lock::Timeout=300 >&2 && apt-get download -o APT::Sandbox::User=root -qq $DEBS >&2; }; } )
for d in "$W"/debs/*.deb; do dpkg-deb -x "$d" "$W/rootfs"; done
R=$W/rootfs
mkdir -p "$R/opt/java"
# --compress=2 on JDK 17, zip-6 (same thing, new spelling) from JDK 21
COMPRESS=2; "$JDK/bin/jlink" --help 2>&1 | grep -q 'zip-' && COMPRESS=zip-6
"$JDK/bin/jlink" --strip-debug --no-man-pages --no-header-files --compress=$COMPRESS \
  --output "$R/opt/java/openjdk" --add-modules "$MODULES" >&2
# busybox applets (sh, sleep, nc, wget, awk, sed, ...) as /bin/*
for a in $("$R/bin/busybox" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done
# no real bash: Testcontainers' KafkaContainer writes a '#!/bin/bash' starter script
printf '#!/bin/sh\nexec /bin/sh "$@"\n' > "$R/bin/bash"; chmod 755 "$R/bin/bash"
mkdir -p "$R/tmp" "$R/var/tmp" "$R/root" "$R/etc" "$R/proc" "$R/sys" "$R/dev"
chmod 1777 "$R/tmp" "$R/var/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$R/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$R/etc/group"
printf 'hosts: files dns\npasswd: files\ngroup: files\n' > "$R/etc/nsswitch.conf"
ldconfig -r "$R"
rm -rf "$R/usr/share/doc" "$R/usr/share/man" "$R/usr/share/lintian" "$R/usr/share/locale" "$R/usr/lib/x86_64-linux-gnu/gconv"
tar -C "$R" -c . | podman import \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/sh"]' - "$REF" >&2
prune_old "$NAME" "$REF"
echo "$REF"
