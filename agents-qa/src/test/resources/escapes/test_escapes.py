# A hostile generated test suite: every test tries to escape the sandbox and prints what happened, one line per
# attempt ("ATTEMPT <what>: <result or errno>"), so the Java tests can judge each one. The @...@ placeholders are
# filled in by the Java test: the agent JVM's pid, the test's own host directory and ports, a unique token.
import errno
import os
import socket
import subprocess
import sys
import time
import unittest

AGENT_PID = @AGENT_PID@
HOST_DIR = "@HOST_DIR@"
HOST_PORT = @HOST_PORT@
HOST_ADDRESS = "@HOST_ADDRESS@"
TOKEN = "@TOKEN@"


def attempt(what, action):
    try:
        result = action()
    except BaseException as e:  # OSError, MemoryError, ...: the refusal is the result
        code = getattr(e, "errno", None)
        name = errno.errorcode.get(code, type(e).__name__) if code else type(e).__name__
        result = f"{name} {e}"
    line = f"ATTEMPT {what}: {result}".replace("\n", " ")
    print("\n" + line, flush=True)  # on a line of its own, also right after unittest's "test_x ... "


def read(path):
    with open(path, "rb") as f:
        return "read: " + f.read().replace(b"\0", b" ").decode("utf-8", "replace")


def cmdline(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()


def write(path):
    with open(path, "w") as f:
        f.write("escaped " + TOKEN)
    return "written"


def connect(host, port):
    socket.create_connection((host, port), timeout=3).close()
    return "connected"


class Escapes(unittest.TestCase):
    def test_1_environment(self):
        attempt("environment", lambda: " ".join(sorted(os.environ)))
        attempt("environment values", lambda: repr(dict(os.environ)))
        attempt("environ of the parent process", lambda: read(f"/proc/{os.getppid()}/environ"))
        attempt("environ of the agent", lambda: read(f"/proc/{AGENT_PID}/environ"))
        for pid in sorted(p for p in os.listdir("/proc") if p.isdigit()) if os.path.isdir("/proc") else []:
            attempt(f"environ of pid {pid}", lambda: read(f"/proc/{pid}/environ"))
        for secret in ["/var/run/secrets/kubernetes.io/serviceaccount/token", "/run/secrets/rabbitmq-password",
                       "/etc/aios/aios.yml", "/root/.aios/token", "/root/.ssh/id_ed25519", "/root/.m2/settings.xml",
                       os.path.expanduser("~/.aios/token"), HOST_DIR + "/agent-home/.aios/token"]:
            attempt(f"read {secret}", lambda: read(secret))

    def test_2_processes(self):
        attempt("list /proc", lambda: " | ".join(
            f"{pid}: {cmdline(pid)}" for pid in sorted(os.listdir("/proc"), key=str) if pid.isdigit()))
        attempt("signal the agent", lambda: os.kill(AGENT_PID, 0) or "signalled")

    def test_3_writes(self):
        attempt("write ../escape", lambda: write(f"../escape-{TOKEN}"))
        attempt("write into the test's host directory", lambda: write(f"{HOST_DIR}/escape-{TOKEN}"))
        attempt("write /tmp", lambda: write(f"/tmp/aios-escape-{TOKEN}"))
        attempt("write /etc/cron.d", lambda: write(f"/etc/cron.d/aios-escape-{TOKEN}"))
        attempt("write /usr/local/bin", lambda: write(f"/usr/local/bin/aios-escape-{TOKEN}"))
        attempt("create /root/.ssh", lambda: os.makedirs("/root/.ssh", exist_ok=True) or "created")
        attempt("mount over /etc", lambda: subprocess.run(
            ["mount", "-t", "tmpfs", "x", "/etc"], capture_output=True, text=True).stderr.strip() or "mounted")

    def test_4_network(self):
        attempt("connect to the broker on 127.0.0.1:5672", lambda: connect("127.0.0.1", 5672))
        attempt("connect to the test's port on the host's loopback", lambda: connect("127.0.0.1", HOST_PORT))
        attempt("connect to the host's own address", lambda: connect(HOST_ADDRESS, HOST_PORT))
        attempt("connect to the internet", lambda: connect("1.1.1.1", 53))
        attempt("resolve a name", lambda: socket.getaddrinfo("rabbitmq.example.com", 5672)[0][4][0])

    def test_5_memory(self):
        def allocate():
            hog = []
            while True:
                hog.append(bytearray(16 * 1024 * 1024))
        attempt("allocate without bound", allocate)

    def test_6_fork_bomb(self):
        # every process forks for ever; when the kernel refuses, it says so once and keeps trying
        bomb = ("import os, time\nsaid = False\nwhile True:\n    try:\n        os.fork()\n    except OSError as e:\n"
                "        if not said:\n            print('FORK REFUSED:', e.strerror, flush=True); said = True\n"
                "        time.sleep(0.2)\n")
        subprocess.Popen([sys.executable, "-c", bomb, "aios-fork-bomb-" + TOKEN])
        time.sleep(3)
        attempt("fork bomb", lambda: f"{sum(1 for p in os.listdir('/proc') if p.isdigit())} processes in the sandbox")
