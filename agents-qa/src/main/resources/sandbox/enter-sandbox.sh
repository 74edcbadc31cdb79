# Builds the QA sandbox and runs one command in it (POSIX sh). Sandbox starts it as
#   [setpriv --reuid=65534 ...] unshare --user --map-root-user --pid --kill-child --mount --net --ipc --uts --cgroup \
#       -- /bin/sh -c "<this script>" aios-sandbox <sandbox dir> <command...>
# so this shell is PID 1 of fresh PID, mount, network, IPC, UTS and cgroup namespaces, and "root" only of a new user
# namespace that maps a single unprivileged uid: it owns those namespaces and nothing outside them.
# <sandbox dir> holds workspace/ (the files to test) and root/ (an empty directory the new root is built on).
# The command runs only if every step below succeeded; the line "aios-sandbox: ready" tells Sandbox that it did.
set -eu

fail() {
    echo "aios-sandbox: cannot $*" >&2
    exit 125
}

dir=$1
shift
r=$dir/root

[ "$$" = 1 ] || fail "run as the first process of a new PID namespace (this is PID $$)"
# When memory runs out in the pod, the kernel kills test processes before the agent's JVM; unprivileged processes may
# raise their score but never lower it again.
echo 1000 >/proc/self/oom_score_adj || fail "raise the OOM score"
# The new network namespace has a loopback device only, and it is down: tests may serve on 127.0.0.1, nothing else.
ip link set lo up || fail "bring up the loopback device of the new network namespace"

# The new root: a small tmpfs with read-only views of the system directories and nothing else of the host, so
# /root, /home, /app, /opt, /run, /var (Kubernetes service-account tokens, Docker secrets), ~/.aios, ~/.ssh and
# ~/.m2 are simply not there.
mount -t tmpfs -o size=4m,mode=0755,nosuid,nodev aios-sandbox "$r" || fail "mount the new root"
for d in usr bin sbin lib lib32 lib64 libx32 etc; do
    if [ -L "/$d" ]; then
        ln -s "$(readlink "/$d")" "$r/$d"
    elif [ -d "/$d" ]; then
        mkdir "$r/$d"
        mount --bind "/$d" "$r/$d" || fail "bind /$d"
        mount -o remount,bind,ro "$r/$d" || fail "make /$d read-only"
    fi
done
# AIOS' own configuration directory and private TLS keys are the credentials /etc can hold.
for hidden in /etc/aios /etc/ssl/private; do
    if [ -d "$hidden" ]; then
        mount -t tmpfs -o ro,size=4k,mode=0555,nosuid,nodev,noexec hidden "$r$hidden" || fail "hide $hidden"
    fi
done

# The only writable trees: a copy of the workspace and a private /tmp, both memory-backed and size-limited, gone
# when the last sandboxed process exits. Nothing a test writes reaches the host's disk.
mkdir "$r/workspace" "$r/tmp" "$r/dev" "$r/proc"
mount -t tmpfs -o size=256m,mode=0755,nosuid,nodev workspace "$r/workspace" || fail "mount the workspace"
cp -R -p "$dir/workspace/." "$r/workspace/" || fail "copy the workspace (larger than 256 MiB?)"
mount -t tmpfs -o size=64m,mode=1777,nosuid,nodev tmp "$r/tmp" || fail "mount /tmp"

# A minimal /dev: the harmless character devices, the usual links, a private /dev/shm.
mount -t tmpfs -o size=64k,mode=0755,nosuid,noexec dev "$r/dev" || fail "mount /dev"
for n in null zero full random urandom; do
    touch "$r/dev/$n"
    mount --bind "/dev/$n" "$r/dev/$n" || fail "bind /dev/$n"
done
ln -s /proc/self/fd "$r/dev/fd"
ln -s /proc/self/fd/0 "$r/dev/stdin"
ln -s /proc/self/fd/1 "$r/dev/stdout"
ln -s /proc/self/fd/2 "$r/dev/stderr"
mkdir "$r/dev/shm"
mount -t tmpfs -o size=16m,mode=1777,nosuid,nodev,noexec shm "$r/dev/shm" || fail "mount /dev/shm"

# A fresh /proc shows only the sandbox's own processes. Container runtimes mask parts of their /proc, and the kernel
# then refuses a fresh one (it would reveal what the masks hide): the sandbox then gets no /proc at all, so the agent's
# processes and environment are invisible either way. Until the end of the setup, mount(8) needs a mount table: the
# masked /proc of the host stands in for it and is detached before anything of the command runs.
if why=$(mount -t proc -o nosuid,nodev,noexec proc "$r/proc" 2>&1); then
    proc="fresh /proc"
else
    mount --rbind /proc "$r/proc" || fail "lend the setup a mount table"
    proc="no /proc (a fresh one is not permitted here: $(echo "$why" | head -n 1))"
fi

# Swap roots and let go of the old one: from here on the host's filesystem is unreachable.
cd "$r"
pivot_root . . || fail "pivot into the new root"
umount -l . || fail "detach the old root"
cd /
mount -o remount,bind,ro /dev || fail "make /dev read-only"
mount -o remount,bind,ro / || fail "make / read-only"
if [ "$proc" != "fresh /proc" ]; then
    umount -l /proc || fail "detach the host's /proc"
    [ -z "$(ls -A /proc)" ] || fail "empty /proc"
fi
cd /workspace

echo "aios-sandbox: ready; $proc" >&2
# The command keeps no capabilities (empty bounding set: exec cannot grant any) and can gain no privileges, so it
# can neither undo the mounts above nor mount, unmount or trace anything. PID 1 stays behind to wait: when it
# exits, the kernel kills every process left in the namespace.
setpriv --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@" &
command=$!
status=0
wait "$command" || status=$?
exit "$status"
