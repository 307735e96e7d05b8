"""A loopback port that takes no connections: for connect timeouts without leaving the machine.

Usage: python3 unaccepting-listener.py [PORT]   (prints "ready PORT" and waits up to 120 s; no PORT:
the system picks a free one)

The socket listens with a backlog of 0 and never accepts; a few connections of its own fill the
kernel's accept queue, so further SYNs go unanswered and a client's connect times out.
"""
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", port))
listener.listen(0)
port = listener.getsockname()[1]
fillers = []
for _ in range(3):
    filler = socket.socket()
    filler.setblocking(False)
    try:
        filler.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    fillers.append(filler)
print(f"ready {port}", flush=True)
time.sleep(120)
