/** Print-friendly styles for report.html. */
export const reportCss = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:2px solid #333}h3{margin-bottom:.3rem}
table{border-collapse:collapse;margin:.4rem 0;width:100%}th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;width:14rem;font-weight:600}.files th{width:auto}.hash{font-family:monospace;font-size:.8rem;word-break:break-all}
td{word-break:break-word}.verify{background:#eef6ee;border:1px solid #9c9;padding:.5rem 1rem;margin-top:1rem}
article{margin-bottom:1.5rem}.capture{border-top:1px dashed #999;padding-top:.5rem}
figure.shot img{max-width:100%;border:1px solid #999}figcaption{font-size:.8rem;color:#555;word-break:break-all}
footer{margin-top:3rem;color:#666;font-size:.8rem}@media print{.capture{break-inside:avoid-page}}`;
