"""Result cells and the three reports: Markdown table, CSV, SVG bar chart."""
import csv
import math
from dataclasses import dataclass
from pathlib import Path

SCALED_NATIVE = "native-scaled"  # native at the interpreters' smaller size, their reference


@dataclass
class Cell:
    status: str  # ok | n/a | wrong | error | timeout
    arg: int
    run_seconds: float | None = None
    compile_seconds: float | None = None
    native_seconds: float | None = None  # native median at the same argv[1]
    note: str = ""
    output: str | None = None  # the program's stdout, the reference for other runners
    module_bytes: int | None = None  # size of the wasm module compiled, for compile throughput

    @property
    def ratio(self) -> float | None:
        if self.status != "ok" or not self.run_seconds or not self.native_seconds:
            return None
        return self.run_seconds / self.native_seconds


def geometric_mean(values: list[float]) -> float | None:
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _cell_text(cell: Cell) -> str:
    if cell.status != "ok":
        return cell.status
    ratio = cell.ratio
    text = f"{_seconds(cell.run_seconds)} ({ratio:.2f}×)" if ratio is not None else _seconds(cell.run_seconds)
    return text + " *" if cell.note else text  # the note is listed under the table


def _compile_text(cell: Cell) -> str:
    text = _seconds(cell.compile_seconds) or cell.status
    if cell.module_bytes and cell.compile_seconds is not None:
        text += f" ({cell.compile_seconds / (cell.module_bytes / 1e6):.2f} s/MB)"
    return text


def markdown(names: list[str], runners: list[str], cells: dict, header_lines: list[str]) -> str:
    """cells[(benchmark, runner)] -> Cell; the native column holds absolute seconds."""
    others = [r for r in runners if r != "native"]
    lines = [*header_lines, ""]
    columns = ["benchmark", "argv[1]", "native s"] + [
        "native s @scaled argv[1]" if r == SCALED_NATIVE else f"{r} s (×native)" for r in others]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for name in names:
        native = cells.get((name, "native"))
        row = [name, str(native.arg) if native else "", _seconds(native.run_seconds) if native else ""]
        for runner in others:
            cell = cells[(name, runner)]
            if runner == SCALED_NATIVE:
                row.append(f"{_seconds(cell.run_seconds)} @{cell.arg}" if cell.status == "ok" else cell.status)
                continue
            text = _cell_text(cell)
            if cell.arg != (native.arg if native else None) and cell.status == "ok":
                text += f" @{cell.arg}"
            row.append(text)
        lines.append("| " + " | ".join(row) + " |")
    means = []
    for runner in others:
        if runner == SCALED_NATIVE:
            means.append("")
            continue
        ratios = [cells[(n, runner)].ratio for n in names]
        valid = [r for r in ratios if r is not None]
        mean = geometric_mean(valid)
        if mean is None:
            means.append("n/a")
        else:
            suffix = "" if len(valid) == len(names) else f" ({len(valid)}/{len(names)})"
            means.append(f"**{mean:.2f}×**{suffix}")
    lines.append("| " + " | ".join(["**geometric mean**", "", ""] + means) + " |")

    compilers = [r for r in others if any(cells[(n, r)].compile_seconds is not None for n in names)]
    if compilers:
        lines += ["", "Compile time in seconds (separate from the run times above):", ""]
        lines.append("| benchmark | " + " | ".join(compilers) + " |")
        lines.append("|" + "---|" * (len(compilers) + 1))
        for name in names:
            row = [name] + [_compile_text(cells[(name, r)]) for r in compilers]
            lines.append("| " + " | ".join(row) + " |")
        for runner in compilers:
            sized = [cells[(n, runner)] for n in names if cells[(n, runner)].status == "ok"
                     and cells[(n, runner)].module_bytes and cells[(n, runner)].compile_seconds is not None]
            if sized:
                seconds = sum(c.compile_seconds for c in sized)
                megabytes = sum(c.module_bytes for c in sized) / 1e6
                lines += ["", f"{runner} compile throughput: {seconds / megabytes:.2f} s per MB of wasm "
                              f"({seconds:.2f} s for {megabytes:.2f} MB over {len(sized)} modules)"]

    problems = [(n, r, cells[(n, r)]) for n in names for r in runners if cells.get((n, r)) and cells[(n, r)].note]
    if problems:
        lines += ["", "Notes:", ""]
        # One line per (runner, status, note), naming every benchmark it applies to.
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for name, runner, cell in problems:
            grouped.setdefault((runner, cell.status, cell.note), []).append(name)
        for (runner, status, note), benchmarks in grouped.items():
            where = runner if status == "n/a" else f"{', '.join(benchmarks)} / {runner}"
            lines.append(f"- {where}: {status}: {note}")
    return "\n".join(lines) + "\n"


def write_csv(path: Path, names: list[str], runners: list[str], cells: dict) -> None:
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["benchmark", "runner", "arg", "status", "compile_s", "run_s", "native_run_s", "ratio", "note"])
        for name in names:
            for runner in runners:
                cell = cells.get((name, runner))
                if cell is None:
                    continue
                fmt = lambda v: "" if v is None else f"{v:.6f}"
                writer.writerow([name, runner, cell.arg, cell.status, fmt(cell.compile_seconds),
                                 fmt(cell.run_seconds), fmt(cell.native_seconds), fmt(cell.ratio), cell.note])


_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2"]


def write_svg(path: Path, names: list[str], runners: list[str], cells: dict, title: str) -> None:
    """Grouped bars of run time / native time on a log10 axis, one group per
    benchmark plus the geometric mean."""
    candidates = [r for r in runners if r not in ("native", SCALED_NATIVE)]
    # Runners without a single result (tool missing) only clutter the chart.
    others = [r for r in candidates if any(cells[(n, r)].ratio is not None for n in names)]
    missing = [r for r in candidates if r not in others]
    groups = []
    for name in names:
        groups.append((name, [cells[(name, r)].ratio for r in others]))
    groups.append(("geomean", [geometric_mean([cells[(n, r)].ratio for n in names]) for r in others]))
    present = [v for _, vs in groups for v in vs if v]
    low = min([1.0] + present)
    high = max([2.0] + present)
    lo_exp, hi_exp = math.floor(math.log10(low)), math.ceil(math.log10(high))
    if hi_exp == lo_exp:
        hi_exp += 1

    bar = 12
    group_width = max(1, len(others)) * bar + 14
    left, top, plot_h, bottom = 60, 50, 320, 110
    width = left + len(groups) * group_width + 20 + 140
    height = top + plot_h + bottom

    def y_of(value: float) -> float:
        frac = (math.log10(value) - lo_exp) / (hi_exp - lo_exp)
        return top + plot_h - frac * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14" font-weight="bold">{_escape(title)}</text>',
           f'<text x="{left}" y="38" fill="#555">run time / native run time (log scale, lower is better)'
           + (f'; no results: {_escape(", ".join(missing))}' if missing else "") + '</text>']
    for exp in range(lo_exp, hi_exp + 1):
        for mantissa in (1, 2, 5):
            value = mantissa * 10.0 ** exp
            if value < 10.0 ** lo_exp or value > 10.0 ** hi_exp:
                continue
            y = y_of(value)
            stroke = "#bbb" if mantissa == 1 else "#eee"
            out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + len(groups) * group_width}" y2="{y:.1f}" '
                       f'stroke="{stroke}"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}×</text>')
    baseline = y_of(1.0)
    out.append(f'<line x1="{left}" y1="{baseline:.1f}" x2="{left + len(groups) * group_width}" '
               f'y2="{baseline:.1f}" stroke="#000"/>')
    for index, (name, values) in enumerate(groups):
        x0 = left + index * group_width + 7
        for k, value in enumerate(values):
            x = x0 + k * bar
            color = _COLORS[k % len(_COLORS)]
            if value is None:
                out.append(f'<text x="{x + bar / 2:.1f}" y="{baseline - 3:.1f}" font-size="8" '
                           f'text-anchor="middle" fill="#999">–</text>')
                continue
            y = y_of(value)
            top_y, h = min(y, baseline), abs(baseline - y)
            out.append(f'<rect x="{x}" y="{top_y:.1f}" width="{bar - 2}" height="{max(h, 0.5):.1f}" '
                       f'fill="{color}"><title>{_escape(name)} {others[k]}: {value:.2f}×</title></rect>')
        label_x = x0 + len(values) * bar / 2
        label_y = top + plot_h + 12
        weight = ' font-weight="bold"' if name == "geomean" else ""
        out.append(f'<text x="{label_x:.1f}" y="{label_y}" text-anchor="end"{weight} '
                   f'transform="rotate(-45 {label_x:.1f} {label_y})">{_escape(name)}</text>')
    legend_x = left + len(groups) * group_width + 20
    for k, runner in enumerate(others):
        y = top + 10 + k * 18
        out.append(f'<rect x="{legend_x}" y="{y - 9}" width="10" height="10" fill="{_COLORS[k % len(_COLORS)]}"/>')
        out.append(f'<text x="{legend_x + 14}" y="{y}">{_escape(runner)}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
