#!/usr/bin/python3
"""A real RTSP camera for tests: GStreamer's RTSP server on 127.0.0.1.

Prints "READY <port>" once listening. Run with /usr/bin/python3 (it needs the system `gi`).
Live sources encode with x264/x265; --file serves a pre-encoded MP4 at about 1% of a core, for
many-camera benchmarks. --timecode burns the wall clock into the top rows as a machine-readable
band (see timecode.ts), so a browser test can check which instant a picture shows. The file plays once (then the stream ends), so make it as long as the
run: looping with a non-flushing seek was tried and qtdemux did not resume inside the RTSP media.
"""
import argparse
import signal
import sys
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


# A camera's microphone: a quiet tone as G.711 A-law, the codec most IP cameras offer. Only its
# presence in the SDP matters to the tests; the recorder sets up the video track alone.
AUDIO = ("audiotestsrc is-live=true volume=0.1 ! audioconvert ! audioresample ! "
         "audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8")


def launch_line(args, audio=False):
    if audio:
        return launch_line(args)[:-1] + f"{AUDIO} )"
    if args.file:
        parse = "h264parse" if args.codec == "h264" else "h265parse"
        pay = "rtph264pay" if args.codec == "h264" else "rtph265pay"
        return (f"( filesrc location={args.file} ! qtdemux ! {parse} ! "
                f"{pay} name=pay0 pt=96 config-interval=1 )")
    caps = f"video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1"
    overlay = "clockoverlay time-format=\"%H:%M:%S\" ! " if Gst.ElementFactory.find("clockoverlay") else ""
    if args.codec == "h264":
        enc = (f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.fps} "
               f"bitrate={args.bitrate} ! rtph264pay name=pay0 pt=96 config-interval=1")
    else:
        enc = (f"x265enc tune=zerolatency speed-preset=ultrafast key-int-max={args.fps} "
               f"bitrate={args.bitrate} ! rtph265pay name=pay0 pt=96 config-interval=1")
    stamp = "videoconvert ! rsvgoverlay name=timecode ! " if args.timecode else ""
    return f"( videotestsrc is-live=true ! {caps} ! {stamp}{overlay}videoconvert ! {enc} )"


# The band: TIMECODE_BITS cells across the picture's width, TIMECODE_ROWS high, white for a set bit
# of the wall clock in tenths of a second (least significant bit on the left). Keep in step with
# timecode.ts, which decodes it.
TIMECODE_BITS = 40
TIMECODE_ROWS = 12


def timecode_svg(width, height, tenths):
    cell = width / TIMECODE_BITS
    rects = "".join(
        f'<rect x="{b * cell}" y="0" width="{cell}" height="{TIMECODE_ROWS}" '
        f'fill="{"#fff" if (tenths >> b) & 1 else "#000"}"/>' for b in range(TIMECODE_BITS))
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{rects}</svg>'


def stamp_timecode(media, args):
    """Sets the overlay's picture as each frame reaches it, so the band shows that frame's wall clock."""
    overlay = media.get_element().get_by_name("timecode")

    def on_buffer(_pad, _info):
        overlay.set_property("data", timecode_svg(args.width, args.height, int(time.time() * 10)))
        return Gst.PadProbeReturn.OK

    overlay.get_static_pad("sink").add_probe(Gst.PadProbeType.BUFFER, on_buffer)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--codec", choices=["h264", "h265"], default="h264")
    p.add_argument("--width", type=int, default=640)
    p.add_argument("--height", type=int, default=360)
    p.add_argument("--fps", type=int, default=25)
    p.add_argument("--bitrate", type=int, default=1000, help="kbit/s")
    p.add_argument("--mount", action="append", help="mount path, repeatable (default /stream)")
    p.add_argument("--audio-mount", action="append", default=[], help="a mount that also carries an audio track, repeatable")
    p.add_argument("--user")
    p.add_argument("--password", default="")
    p.add_argument("--auth", choices=["basic", "digest"], default="basic")
    p.add_argument("--file", help="serve this MP4 (once) instead of encoding")
    p.add_argument("--timecode", action="store_true", help="burn the wall clock in as a machine-readable band")
    args = p.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", args.user)
        if args.auth == "digest":
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
            auth.add_digest(args.user, args.password, token)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)

    for mount in (args.mount or ["/stream"]) + args.audio_mount:
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_line(args, audio=mount in args.audio_mount))
        factory.set_shared(True)
        if args.timecode and not args.file:
            factory.connect("media-configure", lambda _f, media: stamp_timecode(media, args))
        if args.user:
            factory.add_role_from_structure(Gst.Structure.new_from_string(
                f"{args.user}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
        server.get_mount_points().add_factory(mount, factory)

    if server.attach(None) == 0:
        print(f"cannot listen on port {args.port}", file=sys.stderr)
        sys.exit(1)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print(f"READY {server.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
