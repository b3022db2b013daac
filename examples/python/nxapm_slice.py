#!/usr/bin/env python3
"""Read a NeXus NXapm file written by mlapt (convert or map --nexus) with h5py.

    python3 nxapm_slice.py FILE.nxs [--plane xz|yz|xy] [--out slice.png]

Prints what the file holds (ions, ion types with their ranges, the map's volume fraction and model) and,
for a map.nxs, draws a slice of the mean P(CSRO) from /entry1/csro_map/probability, otherwise of the
1 nm ion-count histogram (naive_discretization). Needs h5py and numpy; matplotlib when installed.
"""
import argparse
import sys
from pathlib import Path

import h5py
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from map_slice import draw, take_slice  # noqa: E402  (same folder)


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("file")
    p.add_argument("--plane", choices=["xz", "yz", "xy"], default="xz")
    p.add_argument("--out", default="nxapm_slice.png")
    a = p.parse_args()
    with h5py.File(a.file, "r") as f:
        entry = next(g for g in f.values() if isinstance(g, h5py.Group) and text(g["definition"][()]) == "NXapm")
        atom_probe = entry["atom_probe"]
        positions = atom_probe["reconstruction/reconstructed_positions"]
        masses = atom_probe["mass_to_charge_conversion/mass_to_charge"]
        print(f"{a.file}: {entry.name} {text(entry['definition'][()])}, {positions.shape[0]:,} ions "
              f"({text(positions.attrs['units'])}), mass-to-charge {np.min(masses[...]):.3f} … {np.max(masses[...]):.3f} {text(masses.attrs['units'])}")
        if "ranging/peak_identification" in atom_probe:
            ident = atom_probe["ranging/peak_identification"]
            iontypes = ident["iontypes"][...]
            for k in range(1, int(ident["number_of_ion_types"][()]) + 1):
                ion = ident[f"ion{k}"]
                hashes = [int(h) for h in ion["nuclide_hash"][...] if h]
                ranges = ", ".join(f"[{lo:g}, {hi:g}]" for lo, hi in ion["mass_to_charge_range"][...])
                print(f"  ion{k} {text(ion['name'][()]):6} Z={[h % 256 for h in hashes]} ions={np.count_nonzero(iontypes == k):,} ranges {ranges}")
        if "csro_map" in entry:
            csro = entry["csro_map"]
            data = csro[text(csro.attrs["default"])]
            signal = text(data.attrs["signal"])
            print(f"  csro_map: pairs {text(csro['pairs'][()])}, volume fraction {float(csro['csro_volume_fraction'][()]):.4%}, "
                  f"model {text(csro['model_id'][()])[:20]}…")
            pairs = text(csro['pairs'][()]).split(", ")
            title = f"{'+'.join(pairs) if len(pairs) <= 2 else f'{len(pairs)} pairs'}, {signal}"
            hi, label = 1.0, "P(CSRO)"
        else:
            data = atom_probe["reconstruction/naive_discretization/grid"]
            signal = text(data.attrs["signal"])
            title = "ions per 1 nm cube"
            hi, label = None, "ions"
        values = data[signal][...].astype(float)
        axes = [text(x) for x in data.attrs["axes"]]
        centres = {name[-1]: data[name][...] for name in axes}  # axis_z, axis_y, axis_x
        step = float(centres["x"][1] - centres["x"][0]) if len(centres["x"]) > 1 else 1.0
        grid = {"origin": [float(centres[c][0]) - step / 2 for c in "xyz"], "spacing": step, "shape": list(values.shape)}
        image, plane_axes, index = take_slice(values, a.plane)
        draw(image, plane_axes, grid, f"{title}, {a.plane} slice {index}", a.out, 0.0, hi if hi is not None else float(np.nanmax(image)) or 1.0, label)
        print(f"{a.out}: {a.plane} slice {index} of {signal} {values.shape}")


if __name__ == "__main__":
    main()
