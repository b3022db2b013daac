#!/usr/bin/python3
"""Reference values for MlApt's preprocessing, computed with scipy itself.

Run with Debian's python3-scipy and python3-numpy (apt-get install python3-scipy python3-numpy):

    /usr/bin/python3 scripts/make-savgol-fixtures.py EXTRACT.csv RANGES.rrng

EXTRACT.csv is the published experimental CoCrNi extract (x, y, z, m; no header) and RANGES.rrng its range
file. The script writes

* tests/MlApt.Tests/Sdm/Fixtures/savgol-voxels.npz: for real voxels of the extract (the reference box,
  1 nm voxels at 0.5 nm stride, 0.75 nm spheres, Ni-Ni pairs within 1.5 nm), arrays
  ``centres`` (N, 3), ``raw`` (N, 93) cropped pair counts, ``normalized`` (N, 93) min-max,
  ``savgol`` (N, 93) = scipy.signal.savgol_filter(normalized, 15, 8, mode="interp"),
  ``preprocessed`` (N, 93) = min-max(savgol - background clipping), and ``clip_passes`` (N,);
* src/MlApt/Sdm/SavitzkyGolay.Scipy.cs: scipy's own doubles for the (15, 8) filter as exact bit patterns:
  savgol_coeffs(15, 8) (the interior weights convolve1d uses) and numpy.polyfit's least-squares map for the
  edges (see EDGE below);

and prints how closely each way of computing the edges reproduces scipy's, so the choice is measured.

Every number is produced by scipy/numpy on this machine; nothing is typed in by hand.
"""
import struct
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy.signal import savgol_coeffs, savgol_filter

WINDOW, ORDER, HALF = 15, 8, 7
CROP_START, CROP = 54, 93
ROOT = Path(__file__).resolve().parent.parent


def hexbits(v):
    return "0x%016X" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]


def ni_ranges(path):
    ranges = []
    for line in Path(path).read_text().splitlines():
        if not line.lower().startswith("range") or "=" not in line:
            continue
        fields = line.split("=", 1)[1].split()
        if len(fields) >= 3 and any(f == "Ni:1" for f in fields[2:]) and not any(
                f.split(":")[0] not in ("Ni", "Vol", "Color", "Name") for f in fields[2:] if ":" in f):
            ranges.append((float(fields[0]), float(fields[1])))
    return ranges


def load_ni(extract, rrng):
    ranges = ni_ranges(rrng)
    xs, ys, zs = [], [], []
    for line in Path(extract).read_text().splitlines():
        if not line.strip():
            continue
        f = line.split(",")
        m = float(f[3])
        if any(lo <= m <= hi for lo, hi in ranges):
            xs.append(float(f[0])); ys.append(float(f[1])); zs.append(float(f[2]))
    return np.array(xs), np.array(ys), np.array(zs)


def zsdm(cx, cy, cz, ni):
    """Cropped Ni-Ni z-SDM of the voxel sphere at (cx, cy, cz), in plain IEEE double arithmetic."""
    x, y, z = ni
    dx, dy, dz = x - cx, y - cy, z - cz
    inside = (dx * dx + dy * dy + dz * dz) <= 0.75 * 0.75
    px, py, pz = x[inside], y[inside], z[inside]
    full = np.zeros(200, dtype=np.int64)
    for a in range(len(px)):
        ddx = px - px[a]
        ddy = py - py[a]
        ddz = pz - pz[a]
        near = (ddx * ddx + ddy * ddy + ddz * ddz) <= 1.5 * 1.5
        for bx, bz in zip(ddx[near], ddz[near]):
            if bx == 0 or bz == 0:
                continue
            if not (-1.5 <= bz < 1.5 and -1.5 <= bx < 1.5):
                continue
            full[int((bz - (-1.5)) * (1.0 / 3.0) * 200.0)] += 1
    return full[CROP_START:CROP_START + CROP].astype(np.float64), int(inside.sum())


def minmax(v):
    lo, hi = v.min(), v.max()
    return (v - lo) / (hi - lo)


def clip(s):
    """Background clipping exactly as the published pipeline does it (Jacobi first pass, then in place)."""
    n = len(s)
    mstar = next((m for m in range(47, n - 1) if s[m] < s[m - 1] and s[m] < s[m + 1]), None)
    if mstar is None:
        return np.zeros(n), 0
    b = s.copy()
    bp = np.zeros(n)
    bp[0], bp[-1] = s[0], s[-1]
    it = 0
    while max(b[23:69]) > s[mstar]:
        for m in range(1, n - 1):
            bp[m] = min(b[m], (b[m - 1] + b[m + 1]) / 2)
        b = bp
        if it == 1000:
            return b, it + 1  # passes made: the cap stops after the 1001st
        it += 1
    return b, it


def voxel_centres(ni):
    """Voxels of the reference box centred where the Ni ions are, plus the two named in the exactness report."""
    x, y, z = ni
    named = [(6.5, 3.5, -68.5), (-6.0, -2.5, -36.5)]
    seen, centres = set(), list(named)
    for i in range(0, len(x), 23):
        ix, iy, iz = (round((x[i] + 10 - 0.5) / 0.5), round((y[i] + 10 - 0.5) / 0.5), round((z[i] + 120 - 0.5) / 0.5))
        if not (0 <= ix < 39 and 0 <= iy < 39 and 0 <= iz < 239) or (ix, iy, iz) in seen:
            continue
        seen.add((ix, iy, iz))
        centres.append(((-10 + ix * 0.5) + 0.5, (-10 + iy * 0.5) + 0.5, (-120 + iz * 0.5) + 0.5))
    return centres


def edges_by_rows(y):
    """Edge values as dot products with savgol_coeffs(pos=j, use='dot') rows, summed in index order."""
    out = []
    for start, positions in ((0, range(HALF)), (len(y) - WINDOW, range(WINDOW - HALF, WINDOW))):
        for j in positions:
            row = savgol_coeffs(WINDOW, ORDER, pos=j, use="dot")
            acc = 0.0
            for k in range(WINDOW):
                acc += row[k] * y[start + k]
            out.append(acc)
    return out


def edges_by_polyfit_map(y, fit):
    """Edge values as numpy does them: coefficients = fit @ window (summed in index order), then Horner."""
    out = []
    for start, positions in ((0, range(HALF)), (len(y) - WINDOW, range(WINDOW - HALF, WINDOW))):
        c = []
        for row in fit:
            acc = 0.0
            for k in range(WINDOW):
                acc += row[k] * y[start + k]
            c.append(acc)
        for j in positions:
            v = 0.0
            for ck in c:
                v = v * float(j) + ck
            out.append(v)
    return out


def interior(y, coeffs):
    """scipy.ndimage.correlate1d's general branch on convolve1d's reversed weights (the (15, 8) weights are not
    symmetric within DBL_EPSILON, so its symmetric shortcut is not taken): the last weight first, then the rest
    from the first."""
    w = coeffs[::-1]
    out = np.empty(len(y))
    for i in range(HALF, len(y) - HALF):
        acc = y[i + HALF] * w[WINDOW - 1]
        for jj in range(-HALF, HALF):
            acc += y[i + jj] * w[HALF + jj]
        out[i] = acc
    return out


def main():
    extract, rrng = sys.argv[1], sys.argv[2]
    ni = load_ni(extract, rrng)
    coeffs = savgol_coeffs(WINDOW, ORDER)
    w = coeffs[::-1]
    # ni_filters.c takes a symmetric shortcut only when mirrored weights agree within DBL_EPSILON; they do not here.
    symmetric = all(abs(w[HALF + i] - w[HALF - i]) <= np.finfo(float).eps for i in range(1, HALF + 1))
    antisymmetric = all(abs(w[HALF + i] + w[HALF - i]) <= np.finfo(float).eps for i in range(1, HALF + 1))
    assert not symmetric and not antisymmetric, "convolve1d would take a shortcut branch: update interior() and the C#"
    fit = np.polyfit(np.arange(WINDOW), np.eye(WINDOW), ORDER)  # (9, 15): window -> coefficients, highest power first

    rows = {k: [] for k in ("centres", "raw", "normalized", "savgol", "preprocessed", "clip_passes")}
    stats = {"interior": [0, 0], "rows": [0, 0, 0.0], "polyfit": [0, 0, 0.0]}
    for c in voxel_centres(ni):
        raw, atoms = zsdm(*c, ni)
        if not raw.max() > raw.min():
            continue
        y = minmax(raw)
        s = savgol_filter(y, WINDOW, ORDER, mode="interp")
        b, passes = clip(s)
        rows["centres"].append(c)
        rows["raw"].append(raw)
        rows["normalized"].append(y)
        rows["savgol"].append(s)
        rows["preprocessed"].append(minmax(s - b))
        rows["clip_passes"].append(passes)
        mine = interior(y, coeffs)
        stats["interior"][0] += int(np.sum(mine[HALF:-HALF] == s[HALF:-HALF]))
        stats["interior"][1] += len(y) - 2 * HALF
        scipy_edges = list(s[:HALF]) + list(s[-HALF:])
        for name, values in (("rows", edges_by_rows(y)), ("polyfit", edges_by_polyfit_map(y, fit))):
            stats[name][0] += sum(1 for a, b2 in zip(values, scipy_edges) if a == b2)
            stats[name][1] += len(values)
            stats[name][2] = max(stats[name][2], max(abs(a - b2) for a, b2 in zip(values, scipy_edges)))
        if len(rows["centres"]) >= 400:
            break

    out = ROOT / "tests/MlApt.Tests/Sdm/Fixtures/savgol-voxels.npz"
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, centres=np.array(rows["centres"]), raw=np.array(rows["raw"]), normalized=np.array(rows["normalized"]),
             savgol=np.array(rows["savgol"]), preprocessed=np.array(rows["preprocessed"]),
             clip_passes=np.array(rows["clip_passes"], dtype=np.int32))

    cs = ROOT / "src/MlApt/Sdm/SavitzkyGolay.Scipy.cs"
    lines = [
        "namespace MlApt.Sdm;",
        "",
        "// Generated by scripts/make-savgol-fixtures.py with scipy %s and numpy %s: do not edit by hand." % (scipy.__version__, np.__version__),
        "public sealed partial class SavitzkyGolay",
        "{",
        "    /// <summary>scipy.signal.savgol_coeffs(15, 8) exactly (bit patterns), in scipy's convolution order.</summary>",
        "    internal static readonly double[] ScipyCoefficients15x8 =",
        "    [",
    ]
    lines += ["        BitConverter.UInt64BitsToDouble(%s), // %r" % (hexbits(v), float(v)) for v in coeffs]
    lines += [
        "    ];",
        "",
        "    /// <summary>",
        "    /// numpy.polyfit(arange(15), eye(15), 8) exactly: row k maps a 15-point window to the coefficient of x^(8-k) of",
        "    /// its least-squares polynomial (highest power first, as numpy.polyval takes them).",
        "    /// </summary>",
        "    internal static readonly double[] ScipyEdgeFit15x8 =",
        "    [",
    ]
    for r in fit:
        lines += ["        " + ", ".join("BitConverter.UInt64BitsToDouble(%s)" % hexbits(v) for v in r) + ","]
    lines += ["    ];", "}", ""]
    cs.write_text("\n".join(lines))

    n = len(rows["centres"])
    print("voxels: %d (Ni ions %d); clipping passes: %s" % (n, len(ni[0]), sorted(set(rows["clip_passes"]))))
    print("interior (correlate1d general-branch order): %d of %d bit-equal" % tuple(stats["interior"]))
    for name in ("rows", "polyfit"):
        eq, tot, mx = stats[name]
        print("edges by %s: %d of %d bit-equal, max |difference| %.3g" % (name, eq, tot, mx))


if __name__ == "__main__":
    main()
