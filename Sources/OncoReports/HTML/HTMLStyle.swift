/// The report page's style sheet: inline, no web fonts, no images, screen and A4 print.
enum HTMLStyle {
    static let css: StaticString = """
        :root {
          --ink: #1f2a33; --muted: #5d6a75; --faint: #8a959e; --rule: #dde2e6; --paper: #ffffff;
          --desk: #f3f2ee; --sens: #0f6b62; --sens-soft: #e7f3f1; --res: #9a3b12; --res-soft: #fdf1ea;
          --warn: #8a5a00; --warn-soft: #fff6df; --tier2: #3d5a80; --tier2-soft: #eaf0f7;
        }
        * { box-sizing: border-box; }
        html { background: var(--desk); }
        body {
          margin: 0; color: var(--ink); font-size: 15px; line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
        }
        .page { max-width: 62rem; margin: 1.5rem auto; background: var(--paper); padding: 2.25rem 2.75rem;
          border: 1px solid var(--rule); border-radius: 6px; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 0; font-weight: 600; }
        h1 { font-size: 1.7rem; letter-spacing: -0.01em; }
        h2 { font-size: 1.15rem; margin: 2.1rem 0 0.8rem; padding-bottom: 0.35rem; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.05rem; }
        h4 { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0.9rem 0 0.25rem; }
        p { margin: 0.3rem 0; }
        ul { margin: 0.3rem 0; padding-left: 1.2rem; }
        .eyebrow { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; margin-bottom: 0.3rem; }
        .facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.6rem 1.2rem; margin: 1.1rem 0 0; }
        .facts div { border-left: 3px solid var(--rule); padding-left: 0.6rem; }
        dt { color: var(--muted); font-size: 0.78rem; }
        dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
        .notice { margin-top: 1rem; background: var(--warn-soft); border-left: 4px solid var(--warn); padding: 0.5rem 0.8rem; border-radius: 3px; }
        .muted { color: var(--muted); }
        .small { font-size: 0.85rem; }
        .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.82rem; overflow-wrap: anywhere; }
        .badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0.1rem 0.5rem; border-radius: 999px;
          border: 1px solid transparent; white-space: nowrap; margin: 0 0.25rem 0.25rem 0; }
        .tier-1 { background: var(--sens); color: #fff; }
        .tier-2 { background: var(--tier2-soft); color: var(--tier2); border-color: #b9c8db; }
        .tier-other { background: #eef0f2; color: var(--muted); }
        .escat { background: #f1f1f4; color: #3f3f55; border-color: #d6d6df; }
        .on-label { background: var(--sens-soft); color: var(--sens); border-color: #b6dcd6; }
        .off-label { background: var(--warn-soft); color: var(--warn); border-color: #ecd39a; }
        .uncertain { background: #fff; color: var(--warn); border-color: var(--warn); border-style: dashed; }
        .resistance-badge { background: var(--res); color: #fff; }
        .conflict { background: var(--res-soft); color: var(--res); border-color: var(--res); }
        .summary-tier { display: grid; grid-template-columns: 5.5rem 1fr; gap: 0.2rem 1rem; padding: 0.7rem 0; border-bottom: 1px solid var(--rule); }
        .summary-tier:last-child { border-bottom: 0; }
        .summary-tier ul { list-style: none; padding: 0; margin: 0.2rem 0 0; }
        .summary-tier li { margin: 0.15rem 0; }
        .therapy { font-weight: 600; }
        .summary-resistance { margin-top: 0.8rem; background: var(--res-soft); border-left: 4px solid var(--res); padding: 0.55rem 0.8rem; border-radius: 3px; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.9rem; }
        .panel { border: 1px solid var(--rule); border-radius: 5px; padding: 0.8rem 1rem; break-inside: avoid; page-break-inside: avoid; }
        .panel.wide { grid-column: 1 / -1; }
        .big { font-size: 1.6rem; font-weight: 600; }
        .status { font-weight: 600; }
        .status-flag { color: var(--sens); }
        .status-clear { color: var(--ink); }
        .status-unknown { color: var(--muted); }
        .card { border: 1px solid var(--rule); border-left: 5px solid var(--sens); border-radius: 5px; padding: 0.9rem 1.1rem;
          margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        .card.resistance { border-left-color: var(--res); background: var(--res-soft); }
        .card-head { display: flex; justify-content: space-between; gap: 1rem; align-items: flex-start; }
        .card-head .badges { text-align: right; flex: 0 0 auto; max-width: 50%; }
        .rule-title { color: var(--muted); font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.86rem; margin: 0.3rem 0; }
        th { text-align: left; font-weight: 600; color: var(--muted); font-size: 0.76rem; border-bottom: 1px solid var(--rule); padding: 0.3rem 0.5rem 0.3rem 0; }
        td { border-bottom: 1px solid #eef0f2; padding: 0.3rem 0.5rem 0.3rem 0; vertical-align: top; overflow-wrap: break-word; }
        td.nowrap { white-space: nowrap; }
        td.mono { overflow-wrap: anywhere; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .refs li { font-size: 0.88rem; }
        .empty { color: var(--muted); font-style: italic; }
        dl.kv { margin: 0.3rem 0; }
        dl.kv div { display: grid; grid-template-columns: 15rem 1fr; gap: 1rem; padding: 0.25rem 0; border-bottom: 1px solid #eef0f2; }
        dl.kv dt { font-size: 0.88rem; }
        .disclaimer { margin-top: 2rem; border: 2px solid var(--ink); border-radius: 5px; padding: 0.8rem 1rem; font-size: 0.92rem; }
        @page { size: A4; margin: 14mm 13mm 16mm; }
        @media print {
          html, body { background: #fff; font-size: 10pt; }
          .page { max-width: none; margin: 0; padding: 0; border: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .badge, .card, .tier-1, .resistance-badge, .summary-resistance, .notice { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
