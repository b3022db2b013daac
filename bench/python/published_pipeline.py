#!/usr/bin/env python3
"""A vectorised numpy/scipy implementation of the published ML-APT pipeline (METHOD §2-§7), used only
to measure how fast the same work runs in Python on this machine (issue 8's comparison).

It maps a random sample of the voxels of the reference box (every voxel costs about the same), times
each stage and extrapolates to all voxels and pairs. The CNN uses random weights of the published
architecture: its cost does not depend on the values.

    python3 bench/python/published_pipeline.py spec20.pos spec20.rrng --voxels 3000
"""
import argparse
import re
import time

import numpy as np
from scipy.signal import savgol_filter
from scipy.spatial import cKDTree


def read_pos(path):
    a = np.fromfile(path, dtype=">f4").reshape(-1, 4).astype(np.float64)
    return a[:, :3], a[:, 3]


def read_rrng(path):
    ranges = []
    for line in open(path):
        m = re.match(r"Range\d+=\s*([\d.]+)\s+([\d.]+).*?\b([A-Z][a-z]?):1", line)
        if m:
            ranges.append((float(m.group(1)), float(m.group(2)), m.group(3)))
    return ranges


def element_positions(xyz, m, ranges, element):
    mask = np.zeros(len(m), bool)
    for lo, hi, e in ranges:
        if e == element:
            mask |= (m >= lo) & (m <= hi)
    return xyz[mask]


def voxel_centres(box, voxel=1.0, stride=0.5):
    axes = []
    for lo, hi in zip(box[0::2], box[1::2]):
        n = 0
        while lo + n * stride + voxel <= hi:
            n += 1
        axes.append(lo + np.arange(n) * stride + voxel / 2)
    z, y, x = np.meshgrid(axes[2], axes[1], axes[0], indexing="ij")
    return np.stack([x.ravel(), y.ravel(), z.ravel()], axis=1)


def zsdm(tree, pts, centres):
    out = np.zeros((len(centres), 93))
    for v, idx in enumerate(tree.query_ball_point(centres, 0.75)):
        p = pts[idx]
        d = p[None, :, :] - p[:, None, :]
        dx, dz = d[..., 0].ravel(), d[..., 2].ravel()
        r2 = (d ** 2).sum(-1).ravel()
        keep = (r2 <= 2.25) & (dx != 0) & (dz != 0) & (dz >= -1.5) & (dz < 1.5) & (dx >= -1.5) & (dx < 1.5)
        b = ((dz[keep] - (-1.5)) * (1.0 / 3.0) * 200.0).astype(int)
        out[v] = np.bincount(b, minlength=201)[54:147]
    return out


def minmax(a):
    lo, hi = a.min(1, keepdims=True), a.max(1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (a - lo) / (hi - lo)


def background(s):
    """METHOD §4 clipping, vectorised across curves (the in-place passes stay sequential along a curve)."""
    n = s.shape[1]
    b = s.copy()
    mins = (s[:, 1:-1] < s[:, :-2]) & (s[:, 1:-1] < s[:, 2:])
    mins[:, :46] = False
    has = mins.any(1)
    mstar = np.where(has, mins.argmax(1) + 1, 0)
    level = s[np.arange(len(s)), mstar]
    bp = np.zeros_like(s)
    bp[:, 0], bp[:, -1] = s[:, 0], s[:, -1]
    active = has & (b[:, 23:69].max(1) > level)
    # first pass: Jacobi from the old b
    bp[:, 1:-1] = np.minimum(b[:, 1:-1], (b[:, :-2] + b[:, 2:]) / 2)
    b = np.where(active[:, None], bp, b)
    it = 1
    while True:
        active &= b[:, 23:69].max(1) > level
        if not active.any() or it == 1000:
            break
        a = np.nonzero(active)[0]
        ba = b[a]
        for m in range(1, n - 1):
            ba[:, m] = np.minimum(ba[:, m], (ba[:, m - 1] + ba[:, m + 1]) / 2)
        b[a] = ba
        it += 1
    b[~has] = 0
    return b


def preprocess(raw):
    y = minmax(raw)
    ok = np.isfinite(y).all(1)
    s = np.full_like(y, np.nan)
    s[ok] = savgol_filter(y[ok], 15, 8, mode="interp", axis=1)
    out = np.full_like(y, np.nan)
    out[ok] = minmax(s[ok] - background(s[ok]))
    return out


def cnn(x, members):
    x = np.nan_to_num(x).astype(np.float32)
    probs = []
    idx = np.arange(84)[:, None] + np.arange(10)[None, :]
    windows = x[:, idx]  # (N, 84, 10)
    for k, b, w1, b1, w2, b2 in members:
        c = np.maximum(windows @ k + b, 0)          # (N, 84, 16)
        p = c.reshape(len(x), 42, 2, 16).max(2)     # (N, 42, 16)
        h = np.maximum(p.reshape(len(x), 672) @ w1 + b1, 0)
        z = h @ w2 + b2
        e = np.exp(z - z.max(1, keepdims=True))
        probs.append(e / e.sum(1, keepdims=True))
    return np.mean(probs, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pos")
    ap.add_argument("rrng")
    ap.add_argument("--voxels", type=int, default=3000)
    ap.add_argument("--box", default="-10,10,-10,10,-120,0")
    a = ap.parse_args()
    rng = np.random.default_rng(1)
    t = time.perf_counter()
    xyz, m = read_pos(a.pos)
    ranges = read_rrng(a.rrng)
    t_read = time.perf_counter() - t
    centres = voxel_centres([float(v) for v in a.box.split(",")])
    sample = centres[rng.choice(len(centres), a.voxels, replace=False)]
    members = [(rng.standard_normal((10, 16)).astype(np.float32) * 0.1, np.zeros(16, np.float32),
                rng.standard_normal((672, 256)).astype(np.float32) * 0.05, np.zeros(256, np.float32),
                rng.standard_normal((256, 2)).astype(np.float32) * 0.05, np.zeros(2, np.float32)) for _ in range(5)]
    total = {"zsdm": 0.0, "preprocess": 0.0, "classify": 0.0}
    for element in ["Co", "Cr", "Ni"]:
        pts = element_positions(xyz, m, ranges, element)
        t = time.perf_counter(); tree = cKDTree(pts); raw = zsdm(tree, pts, sample); total["zsdm"] += time.perf_counter() - t
        t = time.perf_counter(); x = preprocess(raw); total["preprocess"] += time.perf_counter() - t
        t = time.perf_counter(); cnn(x, members); total["classify"] += time.perf_counter() - t
    scale = len(centres) / a.voxels
    per_voxel = {k: v / a.voxels / 3 * 1e3 for k, v in total.items()}
    full = sum(total.values()) * scale + t_read
    print(f"voxels in box {len(centres)}, sampled {a.voxels}, pairs 3, read {t_read:.2f} s")
    print("ms per voxel and pair: " + ", ".join(f"{k} {v:.3f}" for k, v in per_voxel.items()))
    print(f"extrapolated full map, 3 pairs: {full:.0f} s ({full / 3600:.2f} h)")


if __name__ == "__main__":
    main()
