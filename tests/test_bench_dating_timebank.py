"""bench/dating_timebank.py's gold: an event's date is the calendar value of the DATE it is included in, a time in
the text before the document's creation time, and links of other kinds (BEFORE) or to durations give no gold."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dating_timebank", ROOT / "bench" / "dating_timebank.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["dating_timebank"] = bench
_spec.loader.exec_module(bench)

TML = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04">20010504</TIMEX3></DCT>
<TEXT>The mayor <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> the bridge on
<TIMEX3 tid="t1" type="DATE" value="2001-05-02">Wednesday</TIMEX3> and <EVENT eid="e2" class="REPORTING">said</EVENT>
it took <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>. Residents <EVENT eid="e3"
class="STATE">cheer</EVENT> and <EVENT eid="e4" class="OCCURRENCE">wait</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" /><MAKEINSTANCE eventID="e2" eiid="ei2" />
<MAKEINSTANCE eventID="e3" eiid="ei3" /><MAKEINSTANCE eventID="e4" eiid="ei4" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l3" relType="DURING" eventInstanceID="ei2" relatedToTime="t2" />
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0" />
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei4" relatedToTime="t0" />
</TimeML>"""


def test_gold_dates_come_from_inclusion_links_to_calendar_dates(tmp_path):
    f = tmp_path / "x.tml"
    f.write_text(TML, encoding="utf-8")
    d = bench.load(f)
    assert d["dct"] == "2001-05-04"
    assert d["gold"] == {"e1": ("2001-05-02", "text"), "e3": ("2001-05-04", "dct")}
    s, e, cls = d["events"]["e1"]
    assert d["text"][s:e] == "opened" and cls == "OCCURRENCE"
    c = bench.run(d, [])
    assert c["text"] == 1 and c["text_right"] == 1 and c["dct"] == 1 and c["dct_right"] == 1
