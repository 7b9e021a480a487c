"""Packs the sample basemap's tiles (cut by tests/support/basemap.mjs) into one
PMTiles v3 file with the PyPI `pmtiles` writer, in tile-id order, so the
renderer reads each tile with one HTTP range request.
Usage: python3 pack.py <tile-folder> <out.pmtiles>"""

import json
import os
import sys

from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import write

folder, target = sys.argv[1], sys.argv[2]
bounds = json.load(open(os.path.join(folder, "bounds.json")))
tiles = []
for z in os.listdir(folder):
    if not z.isdigit():
        continue
    for x in os.listdir(os.path.join(folder, z)):
        for name in os.listdir(os.path.join(folder, z, x)):
            y = int(name.split(".")[0])
            tiles.append((zxy_to_tileid(int(z), int(x), y), os.path.join(folder, z, x, name)))
tiles.sort()

e7 = lambda degrees: int(round(degrees * 10_000_000))
metadata = {
    "name": "Waymark sample basemap",
    "attribution": "Natural Earth (public domain); contains OS data © Crown copyright and database right 2025",
    "vector_layers": [
        {"id": "earth", "fields": {"kind": "String"}},
        {"id": "boundaries", "fields": {"kind": "String"}},
        {"id": "places", "fields": {"kind": "String", "name": "String", "min_zoom": "Number"}},
    ],
}
with write(target) as writer:
    for tile_id, path in tiles:
        writer.write_tile(tile_id, open(path, "rb").read())
    writer.finalize(
        {
            "tile_type": TileType.MVT,
            "tile_compression": Compression.GZIP,
            "min_lon_e7": e7(bounds["west"]),
            "min_lat_e7": e7(bounds["south"]),
            "max_lon_e7": e7(bounds["east"]),
            "max_lat_e7": e7(bounds["north"]),
            "center_zoom": bounds["center"][2],
            "center_lon_e7": e7(bounds["center"][0]),
            "center_lat_e7": e7(bounds["center"][1]),
        },
        metadata,
    )
print(f"basemap: {len(tiles)} tiles packed into {target}")
