"""A touch screen made inside the booth VM with the kernel's uinput, as a USB touch panel
reports: absolute X and Y with BTN_TOUCH, a direct (on-screen) device. Run inside the
guest by ``BoothVM.add_touch_screen`` (the standard library only); each line written to
its FIFO, "X Y" (0 to 1 of the screen), is one tap.

QEMU's own USB tablet reports a mouse button, not a touch, and Qt's frame-buffer input
(static device discovery) does not take it for a touch screen."""

import fcntl
import os
import struct
import sys
import time

FIFO = sys.argv[1]
EV_SYN, EV_KEY, EV_ABS = 0, 1, 3
SYN_REPORT, BTN_TOUCH, ABS_X, ABS_Y = 0, 0x14A, 0, 1
INPUT_PROP_DIRECT = 1
UI_SET_EVBIT, UI_SET_KEYBIT, UI_SET_ABSBIT = 0x40045564, 0x40045565, 0x40045567
UI_SET_PROPBIT, UI_DEV_CREATE = 0x4004556E, 0x5501
ABS_MAX = 0x7FFF

uinput = os.open("/dev/uinput", os.O_WRONLY | os.O_NONBLOCK)
for request, value in (
    (UI_SET_EVBIT, EV_KEY), (UI_SET_EVBIT, EV_ABS), (UI_SET_EVBIT, EV_SYN),
    (UI_SET_KEYBIT, BTN_TOUCH), (UI_SET_ABSBIT, ABS_X), (UI_SET_ABSBIT, ABS_Y),
    (UI_SET_PROPBIT, INPUT_PROP_DIRECT),
):  # fmt: skip
    fcntl.ioctl(uinput, request, value)
maximum = [0] * 64
maximum[ABS_X] = maximum[ABS_Y] = ABS_MAX
# struct uinput_user_dev: name, id (bus, vendor, product, version), ff_effects_max,
# absmax, absmin, absfuzz, absflat.
setup = struct.pack("80sHHHHI", b"Booth VM touch screen", 0x03, 0x1234, 0x5678, 1, 0)
setup += struct.pack("64i", *maximum) + struct.pack("64i", *[0] * 64) * 3
os.write(uinput, setup)
fcntl.ioctl(uinput, UI_DEV_CREATE)


def send(kind: int, code: int, value: int) -> None:
    os.write(uinput, struct.pack("llHHi", 0, 0, kind, code, value))


if not os.path.exists(FIFO):
    os.mkfifo(FIFO)
print("ready", flush=True)
while True:
    with open(FIFO) as taps:
        for line in taps:
            x, y = (float(part) for part in line.split())
            send(EV_ABS, ABS_X, round(x * ABS_MAX))
            send(EV_ABS, ABS_Y, round(y * ABS_MAX))
            send(EV_KEY, BTN_TOUCH, 1)
            send(EV_SYN, SYN_REPORT, 0)
            time.sleep(0.08)
            send(EV_KEY, BTN_TOUCH, 0)
            send(EV_SYN, SYN_REPORT, 0)
