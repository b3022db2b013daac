#!/usr/bin/env python3
"""Draw a slice of an `mlapt map` output folder with numpy alone.

    python3 map_slice.py MAP_DIR [--plane xz|yz|xy] [--index K] [--array subvoxel_mean] [--out slice.png]

Reads summary.json (grid origin, spacing, shape) and an NPY array of the sub-voxel grid (C order, index
[k, j, i] = z, y, x), takes the slice through the middle of the analysed region (or at --index) and
writes a PNG: with matplotlib when it is installed (axes in nm, colour bar), otherwise with the small
PNG writer below (numpy and the standard library only; one pixel per sub-voxel, scaled up).
"""
import argparse
import json
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

# Five viridis stops; values in between are interpolated linearly.
VIRIDIS = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], dtype=float)
NOT_ANALYSED = np.array([200, 200, 200], dtype=float)


def load_map(folder, array="subvoxel_mean"):
    """The array (nz, ny, nx) and the grid description from summary.json."""
    folder = Path(folder)
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    values = np.load(folder / f"{array}.npy")
    grid = summary["grid"]
    if list(values.shape) != list(grid["shape"]):
        sys.exit(f"{array}.npy has shape {values.shape}, summary.json says {grid['shape']}")
    return values, grid, summary


def take_slice(values, plane, index=None):
    """A 2D slice (rows = vertical axis) and the axis names; the middle of the defined region by default."""
    nz, ny, nx = values.shape
    defined = ~np.isnan(values)
    def middle(axis_len, axes_to_sum):
        counts = defined.sum(axis=axes_to_sum)
        idx = np.nonzero(counts)[0]
        return int(idx[len(idx) // 2]) if len(idx) else axis_len // 2
    if plane == "xz":
        j = middle(ny, (0, 2)) if index is None else index
        return values[:, j, :], ("x", "z"), j
    if plane == "yz":
        i = middle(nx, (0, 1)) if index is None else index
        return values[:, :, i], ("y", "z"), i
    k = middle(nz, (1, 2)) if index is None else index
    return values[k, :, :], ("x", "y"), k


def colour(image, lo, hi):
    """RGB uint8 of a 2D float image, NaN in grey."""
    t = np.clip((image - lo) / (hi - lo if hi > lo else 1.0), 0, 1)
    t = np.nan_to_num(t, nan=0.0) * (len(VIRIDIS) - 1)
    k = np.minimum(t.astype(int), len(VIRIDIS) - 2)
    f = (t - k)[..., None]
    rgb = VIRIDIS[k] * (1 - f) + VIRIDIS[k + 1] * f
    rgb[np.isnan(image)] = NOT_ANALYSED
    return rgb.astype(np.uint8)


def write_png(path, rgb):
    """A minimal PNG writer (8-bit RGB, no interlace), enough for figures without matplotlib."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[r].tobytes() for r in range(h))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def draw(image, axes, grid, title, out, lo=0.0, hi=1.0, label="P(CSRO)"):
    """Draws with matplotlib when available, else with write_png (z upwards in both)."""
    origin = dict(zip("xyz", grid["origin"]))
    shape = dict(zip("zyx", grid["shape"]))
    s = grid["spacing"]
    h_axis, v_axis = axes
    extent = [origin[h_axis], origin[h_axis] + shape[h_axis] * s, origin[v_axis], origin[v_axis] + shape[v_axis] * s]
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        rgb = colour(image[::-1], lo, hi)  # row 0 at the top of the picture: the largest value of the vertical axis
        scale = max(1, 600 // max(rgb.shape[:2]))
        write_png(out, np.repeat(np.repeat(rgb, scale, axis=0), scale, axis=1))
        return
    fig, ax = plt.subplots(figsize=(6, 6 * (extent[3] - extent[2]) / max(extent[1] - extent[0], 1e-9) * 0.6 + 1))
    cmap = plt.get_cmap("viridis").copy()
    cmap.set_bad("lightgrey")
    im = ax.imshow(np.ma.masked_invalid(image), origin="lower", extent=extent, cmap=cmap, vmin=lo, vmax=hi, aspect="equal")
    ax.set_xlabel(f"{h_axis} (nm)")
    ax.set_ylabel(f"{v_axis} (nm)")
    ax.set_title(title, fontsize=10)
    fig.colorbar(im, ax=ax, label=label)
    fig.tight_layout()
    fig.savefig(out, dpi=150)
    plt.close(fig)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", help="an mlapt map output folder (summary.json and the .npy arrays)")
    p.add_argument("--plane", choices=["xz", "yz", "xy"], default="xz")
    p.add_argument("--index", type=int, help="slice index along the third axis (default: middle of the analysed region)")
    p.add_argument("--array", default="subvoxel_mean", help="subvoxel_mean (default), subvoxel_score or subvoxel_selected")
    p.add_argument("--out", default="slice.png")
    a = p.parse_args()
    values, grid, summary = load_map(a.folder, a.array)
    values = values.astype(float)
    image, axes, index = take_slice(values, a.plane, a.index)
    hi = 8.0 if a.array == "subvoxel_score" else 1.0
    pairs = summary.get("pairs", [])
    pairs = "+".join(pairs) if len(pairs) <= 2 else f"{len(pairs)} pairs"
    vf = summary.get("csro_volume_fraction")
    title = f"{pairs}, {a.array}, {a.plane} slice {index}" + (f"\nCSRO volume fraction {100 * vf:.2f} %" if vf is not None else "")
    draw(image, axes, grid, title, a.out, 0.0, hi, "P(CSRO) score (sum of 8)" if a.array == "subvoxel_score" else "P(CSRO)")
    print(f"{a.out}: {a.plane} slice {index} of {a.array} {values.shape}, {np.count_nonzero(~np.isnan(image))} defined sub-voxels")


if __name__ == "__main__":
    main()
