#!/usr/bin/python3
"""A real RTSP server for the camera tests: GStreamer's RTSP server (Debian's
gir1.2-gst-rtsp-server-1.0) serving live test streams on 127.0.0.1.

  /cam      H.264 video + G.711 mu-law audio, as an interrogation-room camera sends
  /noaudio  H.264 video only (a camera with its microphone disabled)
  /flip     H.264 + G.711 whose picture is black and turns white (and back) on SIGUSR1, so that
            a measurement can tell when a change reaches the screen; prints "FLIP <n>" each time

With --user every mount asks for that user and the password in the environment variable
RTSP_PASSWORD (kept off the command line, which the tests read for passwords), as cameras do:
--auth digest (the default) or basic.

Usage: /usr/bin/python3 rtsp_server.py [--port N] [--gop FRAMES] [--user U [--auth digest|basic]]
Prints "READY <port>" on stdout once the server listens. --port 0 takes a free port.
"""
import argparse
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

# Small frames and a low bitrate keep two cores free for ffmpeg and the tests; one keyframe per
# second lets 2 s segments close on time (a segment can only end on a keyframe).
VIDEO = (
    "videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=25/1 "
    "! x264enc tune=zerolatency speed-preset=ultrafast bitrate=300 key-int-max={gop} "
    "! rtph264pay name=pay0 pt=96 config-interval=1"
)
AUDIO = (
    "audiotestsrc is-live=true wave=sine freq=440 ! audio/x-raw,rate=8000,channels=1 "
    "! mulawenc ! rtppcmupay name=pay1 pt=0"
)


def factory(launch, permissions):
    f = GstRtspServer.RTSPMediaFactory()
    f.set_launch("( " + launch + " )")
    # Every client its own pipeline, as a camera gives every RTSP session its own stream: with one
    # media shared, a newcomer's PLAY restarted the stream's timestamps for the clients already
    # there, and a recorder watched by a live view saw its video go back to 0 (a squeezed segment,
    # then a restart and a gap) for a reason no camera gives.
    f.set_shared(False)
    if permissions is not None:
        f.set_permissions(permissions)
    return f


class Flipper:
    """The /flip mount's picture source, switched between black and white by SIGUSR1."""

    def __init__(self):
        self.sources = []
        self.white = False
        self.count = 0

    def configure(self, _factory, media):
        src = media.get_element().get_by_name("flipsrc")
        if src is not None:
            # A client who comes after a flip sees the picture as it is now.
            src.set_property("pattern", 3 if self.white else 2)
            self.sources.append(src)

    def flip(self):
        self.white = not self.white
        self.count += 1
        for src in self.sources:
            src.set_property("pattern", 3 if self.white else 2)  # white / black
        print("FLIP %d" % self.count, flush=True)
        return True


def require_login(server, user, password, method):
    """Only `user` with `password` may open a mount, by HTTP Digest or Basic as a camera asks."""
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "viewer")
    if method == "basic":
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
    else:
        auth.add_digest(user, password, token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_role_from_structure(
        Gst.Structure.new_from_string("viewer,media.factory.access=(boolean)true,media.factory.construct=(boolean)true"))
    return permissions


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--gop", type=int, default=25)
    ap.add_argument("--user")
    ap.add_argument("--auth", choices=["digest", "basic"], default="digest")
    args = ap.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    permissions = require_login(server, args.user, os.environ.get("RTSP_PASSWORD", ""), args.auth) if args.user else None
    mounts = server.get_mount_points()
    video = VIDEO.format(gop=args.gop)
    mounts.add_factory("/cam", factory(video + " " + AUDIO, permissions))
    mounts.add_factory("/noaudio", factory(video, permissions))
    flipper = Flipper()
    flip = factory(video.replace("videotestsrc is-live=true pattern=ball", "videotestsrc name=flipsrc is-live=true pattern=black") + " " + AUDIO, permissions)
    flip.connect("media-configure", flipper.configure)
    mounts.add_factory("/flip", flip)
    if server.attach(None) == 0:
        print("cannot listen on 127.0.0.1:%d" % args.port, file=sys.stderr, flush=True)
        return 1

    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, flipper.flip)
    print("READY %d" % server.get_bound_port(), flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
