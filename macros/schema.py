"""The JSON Schema editors' tools read for data/briefs/*.yml, made from the same model the
check and the build use, with the theme and audience ids from data/ so editors get them as
completions. `make schema` writes it; a test proves the committed file is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .content import load
from .model import Brief
from .problems import ContentError

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = Path("schema") / "brief.schema.json"


def brief_schema(data_dir: Path) -> dict:
    catalogue = load(data_dir)
    schema = Brief.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Learning brief",
    }
    definitions = schema["$defs"]
    theme_ids = sorted(catalogue.themes)
    audience_ids = sorted(catalogue.audiences)
    schema["properties"]["themes"]["items"]["enum"] = theme_ids
    for name in ("Finding", "Strength", "KeyMessage"):
        definitions[name]["properties"]["themes"]["items"]["enum"] = theme_ids
        definitions[name]["properties"]["audiences"]["items"]["enum"] = audience_ids
    definitions["Finding"]["properties"]["kind"]["enum"] = sorted(catalogue.kinds)
    schema["properties"]["type"]["enum"] = sorted(catalogue.types)
    return schema


def render(data_dir: Path) -> str:
    return json.dumps(brief_schema(data_dir), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else ROOT / "data"
    target = data_dir / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        text = render(data_dir)
    except ContentError as error:
        print(f"{error}\nThe schema lists the theme and audience ids: fix the content first.")
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(data_dir.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
