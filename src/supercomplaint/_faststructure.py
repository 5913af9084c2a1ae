# THIS IS A GENERATED FILE: do not edit it. Regenerate it with `python -m supercomplaint._fastgen`.
# ruff: noqa
# mypy: ignore-errors
"""The fast path's structuring functions, one ``make`` per schema version, written ahead of time.

Written by :mod:`supercomplaint._fastgen` from the model; :mod:`supercomplaint._fastload` uses them only while
``FINGERPRINT`` matches the sources in use, and generates them at run time otherwise.
"""

import supercomplaint.model as _supercomplaint_model

import re as _re

from supercomplaint._fastload import _BIG, _Abandon, _enum_map, _ext_shape, _mutable_twin
from supercomplaint._fastload import _partial_date as _pdate
from supercomplaint.converter import URL_PATTERN as _URL_PATTERN
from supercomplaint.converter import _structure_date as _date
from supercomplaint.converter import _structure_extensions as _ext
from supercomplaint.converter import _structure_full_date as _fulldate

_new = object.__new__
_url = _re.compile(_URL_PATTERN).fullmatch

FINGERPRINT = '26d9c44f-43'


# Schema 1.0

_M0_1_0 = _mutable_twin(_supercomplaint_model.FixedDeadline)
_C1_1_0 = _supercomplaint_model.FixedDeadline
_K2_1_0 = frozenset({'asWritten', 'date', 'type'})
_M3_1_0 = _mutable_twin(_supercomplaint_model.PeriodDeadline)
_E4_1_0 = _enum_map(_supercomplaint_model.Unit)
_E5_1_0 = _enum_map(_supercomplaint_model.Anchor)
_E6_1_0 = _enum_map(_supercomplaint_model.Counting)
_C7_1_0 = _supercomplaint_model.PeriodDeadline
_K8_1_0 = frozenset({'amount', 'anchor', 'anchorRef', 'asWritten', 'counting', 'type', 'unit'})
_M9_1_0 = _mutable_twin(_supercomplaint_model.ImmediateDeadline)
_C10_1_0 = _supercomplaint_model.ImmediateDeadline
_K11_1_0 = frozenset({'asWritten', 'type'})
_M12_1_0 = _mutable_twin(_supercomplaint_model.OpenDeadline)
_C13_1_0 = _supercomplaint_model.OpenDeadline
_K14_1_0 = frozenset({'asWritten', 'type'})
_M15_1_0 = _mutable_twin(_supercomplaint_model.NoDeadline)
_C16_1_0 = _supercomplaint_model.NoDeadline
_K17_1_0 = frozenset({'asWritten', 'type'})
_M18_1_0 = _mutable_twin(_supercomplaint_model.Register)
_C19_1_0 = _supercomplaint_model.Register
_K20_1_0 = frozenset({'asOf', 'bodies', 'extensions', 'groups', 'kind', 'schemaVersion', 'source'})
_M21_1_0 = _mutable_twin(_supercomplaint_model.Group)
_C22_1_0 = _supercomplaint_model.Group
_K23_1_0 = frozenset({'collator', 'description', 'extensions', 'id', 'members', 'name'})
_M24_1_0 = _mutable_twin(_supercomplaint_model.Body)
_E25_1_0 = _enum_map(_supercomplaint_model.BodyKind)
_C26_1_0 = _supercomplaint_model.Body
_K27_1_0 = frozenset({'aliases', 'area', 'extensions', 'id', 'identifiers', 'kind', 'name', 'office'})
_M28_1_0 = _mutable_twin(_supercomplaint_model.Identifier)
_C29_1_0 = _supercomplaint_model.Identifier
_K30_1_0 = frozenset({'scheme', 'value'})
_M31_1_0 = _mutable_twin(_supercomplaint_model.ResponseDocument)
_C32_1_0 = _supercomplaint_model.ResponseDocument
_K33_1_0 = frozenset({'bodies', 'case', 'extensions', 'kind', 'response', 'schemaVersion'})
_M34_1_0 = _mutable_twin(_supercomplaint_model.Response)
_C35_1_0 = _supercomplaint_model.Response
_K36_1_0 = frozenset({'audience', 'extensions', 'id', 'inReplyTo', 'items', 'occasion', 'onBehalfOf', 'published', 'responder', 'sent', 'title', 'url'})
_M37_1_0 = _mutable_twin(_supercomplaint_model.ItemResponse)
_E38_1_0 = _enum_map(_supercomplaint_model.Position)
_E39_1_0 = _enum_map(_supercomplaint_model.Progress)
_C40_1_0 = _supercomplaint_model.ItemResponse
_K41_1_0 = frozenset({'alternative', 'conditions', 'extensions', 'item', 'memberOutcomes', 'narrative', 'parts', 'plannedCompletion', 'position', 'progress'})
_M42_1_0 = _mutable_twin(_supercomplaint_model.MemberOutcome)
_C43_1_0 = _supercomplaint_model.MemberOutcome
_K44_1_0 = frozenset({'member', 'note', 'position', 'progress'})
_M45_1_0 = _mutable_twin(_supercomplaint_model.CaseRecord)
_C46_1_0 = _supercomplaint_model.CaseRecord
_K47_1_0 = frozenset({'assessments', 'bodies', 'complaint', 'extensions', 'followUps', 'groups', 'id', 'kind', 'report', 'responses', 'schemaVersion'})
_M48_1_0 = _mutable_twin(_supercomplaint_model.FollowUp)
_C49_1_0 = _supercomplaint_model.FollowUp
_K50_1_0 = frozenset({'date', 'deadline', 'extensions', 'id', 'items', 'recipients', 'sender', 'text', 'title', 'url'})
_M51_1_0 = _mutable_twin(_supercomplaint_model.Assessment)
_E52_1_0 = _enum_map(_supercomplaint_model.AssessmentStatus)
_E53_1_0 = _enum_map(_supercomplaint_model.Rag)
_C54_1_0 = _supercomplaint_model.Assessment
_K55_1_0 = frozenset({'assessor', 'comment', 'date', 'extensions', 'id', 'item', 'rag', 'status', 'subject'})
_M56_1_0 = _mutable_twin(_supercomplaint_model.Report)
_C57_1_0 = _supercomplaint_model.Report
_K58_1_0 = frozenset({'actions', 'authors', 'citation', 'extensions', 'id', 'monitoring', 'published', 'recommendations', 'sentToAddressees', 'summary', 'title'})
_M59_1_0 = _mutable_twin(_supercomplaint_model.MonitoringObligation)
_C60_1_0 = _supercomplaint_model.MonitoringObligation
_K61_1_0 = frozenset({'deadline', 'extensions', 'id', 'items', 'label', 'onBehalfOf', 'recipient', 'reporter', 'source', 'text'})
_M62_1_0 = _mutable_twin(_supercomplaint_model.Recommendation)
_C63_1_0 = _supercomplaint_model.Recommendation
_K64_1_0 = frozenset({'addressees', 'coActors', 'consultees', 'deadline', 'evidenceRequirements', 'extensions', 'id', 'label', 'parts', 'text', 'title'})
_M65_1_0 = _mutable_twin(_supercomplaint_model.Part)
_C66_1_0 = _supercomplaint_model.Part
_K67_1_0 = frozenset({'id', 'label', 'parts', 'text'})
_M68_1_0 = _mutable_twin(_supercomplaint_model.Participant)
_C69_1_0 = _supercomplaint_model.Participant
_K70_1_0 = frozenset({'asWritten', 'ref'})
_M71_1_0 = _mutable_twin(_supercomplaint_model.Action)
_C72_1_0 = _supercomplaint_model.Action
_K73_1_0 = frozenset({'deadline', 'extensions', 'id', 'label', 'owner', 'parts', 'text', 'title'})
_M74_1_0 = _mutable_twin(_supercomplaint_model.Citation)
_C75_1_0 = _supercomplaint_model.Citation
_K76_1_0 = frozenset({'publisher', 'title', 'url'})
_M77_1_0 = _mutable_twin(_supercomplaint_model.Complaint)
_C78_1_0 = _supercomplaint_model.Complaint
_K79_1_0 = frozenset({'acknowledged', 'complainants', 'decisionMakers', 'eligibility', 'features', 'onBehalfOf', 'received', 'scope', 'title'})
_M80_1_0 = _mutable_twin(_supercomplaint_model.EligibilityDecision)
_E81_1_0 = _enum_map(_supercomplaint_model.Eligibility)
_C82_1_0 = _supercomplaint_model.EligibilityDecision
_K83_1_0 = frozenset({'date', 'outcome', 'reasons'})


def d_NoDeadline_1_0():
    o = _new(_M15_1_0)
    o.as_written = None
    o.extensions = {}
    o.__class__ = _C16_1_0
    return o
def make_1_0():
    n = emax = pk = pmax = 0
    ids = []
    ida = ids.append
    ide = ids.extend
    def s_deadline_FixedDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K2_1_0: raise _Abandon
        n += len(d)
        o = _new(_M0_1_0)
        v = d['date']
        o.date = _fulldate(v, None)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        o.extensions = {}
        o.__class__ = _C1_1_0
        return o
    def s_deadline_PeriodDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K8_1_0: raise _Abandon
        n += len(d)
        o = _new(_M3_1_0)
        v = d['amount']
        if v.__class__ is not int or not 1 <= v < _BIG: raise _Abandon
        o.amount = v
        v = d['unit']
        o.unit = _E4_1_0[v]
        v = d['anchor']
        o.anchor = _E5_1_0[v]
        v = d['counting']
        o.counting = _E6_1_0[v]
        if 'anchorRef' in d:
            v = d['anchorRef']
            ida(v)
            o.anchor_ref = v
        else:
            o.anchor_ref = None
        o.stated_date = None
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        o.extensions = {}
        o.__class__ = _C7_1_0
        return o
    def s_deadline_ImmediateDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K11_1_0: raise _Abandon
        n += len(d)
        o = _new(_M9_1_0)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        o.extensions = {}
        o.__class__ = _C10_1_0
        return o
    def s_deadline_OpenDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K14_1_0: raise _Abandon
        n += len(d)
        o = _new(_M12_1_0)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        o.extensions = {}
        o.__class__ = _C13_1_0
        return o
    def s_deadline_NoDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K17_1_0: raise _Abandon
        n += len(d)
        o = _new(_M15_1_0)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        o.extensions = {}
        o.__class__ = _C16_1_0
        return o
    def s__deadline(v):
        if v.__class__ is not dict: raise _Abandon
        return tags[v['type']](v)
    def s_Register(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K20_1_0: raise _Abandon
        n += len(d)
        o = _new(_M18_1_0)
        v = d['bodies']
        if v.__class__ is not list: raise _Abandon
        o.bodies = tuple(map(s_Body, v))
        v.clear()
        if 'groups' in d:
            v = d['groups']
            if v.__class__ is not list: raise _Abandon
            o.groups = tuple(map(s_Group, v))
            v.clear()
        else:
            o.groups = ()
        if 'asOf' in d:
            v = d['asOf']
            o.as_of = _date(v, None)
        else:
            o.as_of = None
        if 'source' in d:
            v = d['source']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.source = v
        else:
            o.source = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C19_1_0
        return o
    def s_Group(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K23_1_0: raise _Abandon
        n += len(d)
        o = _new(_M21_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        v = d['members']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.members = tuple(v)
        if 'collator' in d:
            v = d['collator']
            ida(v)
            o.collator = v
        else:
            o.collator = None
        if 'description' in d:
            v = d['description']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.description = v
        else:
            o.description = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C22_1_0
        return o
    def s_Body(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K27_1_0: raise _Abandon
        n += len(d)
        o = _new(_M24_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        v = d['kind']
        o.kind = _E25_1_0[v]
        if 'identifiers' in d:
            v = d['identifiers']
            if v.__class__ is not list: raise _Abandon
            o.identifiers = tuple(map(s_Identifier, v))
            v.clear()
        else:
            o.identifiers = ()
        if 'area' in d:
            v = d['area']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.area = v
        else:
            o.area = None
        if 'office' in d:
            v = d['office']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.office = v
        else:
            o.office = None
        if 'aliases' in d:
            v = d['aliases']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.aliases = tuple(v)
        else:
            o.aliases = ()
        o.names = ()
        o.predecessors = ()
        o.outside_regime = False
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C26_1_0
        return o
    def s_Identifier(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K30_1_0: raise _Abandon
        n += len(d)
        o = _new(_M28_1_0)
        v = d['scheme']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.scheme = v
        v = d['value']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.value = v
        o.extensions = {}
        o.__class__ = _C29_1_0
        return o
    def s_ResponseDocument(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K33_1_0: raise _Abandon
        n += len(d)
        o = _new(_M31_1_0)
        v = d['case']
        ida(v)
        o.case = v
        v = d['response']
        o.response = s_Response(v)
        if 'bodies' in d:
            v = d['bodies']
            if v.__class__ is not list: raise _Abandon
            o.bodies = tuple(map(s_Body, v))
            v.clear()
        else:
            o.bodies = ()
        o.groups = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C32_1_0
        return o
    def s_Response(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K36_1_0: raise _Abandon
        n += len(d)
        o = _new(_M34_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['responder']
        ida(v)
        o.responder = v
        o.joint_responders = ()
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            ida(v)
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'audience' in d:
            v = d['audience']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.audience = v
        else:
            o.audience = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'occasion' in d:
            v = d['occasion']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.occasion = v
        else:
            o.occasion = None
        if 'sent' in d:
            v = d['sent']
            o.sent = _pdate(v)
        else:
            o.sent = None
        if 'published' in d:
            v = d['published']
            o.published = _pdate(v)
        else:
            o.published = None
        if 'inReplyTo' in d:
            v = d['inReplyTo']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.in_reply_to = tuple(v)
        else:
            o.in_reply_to = ()
        if 'items' in d:
            v = d['items']
            if v.__class__ is not list: raise _Abandon
            o.items = tuple(map(s_ItemResponse, v))
            v.clear()
        else:
            o.items = ()
        o.signatories = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C35_1_0
        return o
    def s_ItemResponse(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K41_1_0: raise _Abandon
        n += len(d)
        o = _new(_M37_1_0)
        v = d['item']
        ida(v)
        o.item = v
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.parts = tuple(v)
        else:
            o.parts = ()
        if 'position' in d:
            v = d['position']
            o.position = _E38_1_0[v]
        else:
            o.position = None
        if 'progress' in d:
            v = d['progress']
            o.progress = _E39_1_0[v]
        else:
            o.progress = None
        if 'narrative' in d:
            v = d['narrative']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.narrative = v
        else:
            o.narrative = None
        if 'alternative' in d:
            v = d['alternative']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.alternative = v
        else:
            o.alternative = None
        if 'plannedCompletion' in d:
            v = d['plannedCompletion']
            o.planned_completion = _pdate(v)
        else:
            o.planned_completion = None
        o.planned_completion_bound = None
        o.planned_completion_as_written = None
        if 'conditions' in d:
            v = d['conditions']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.conditions = tuple(v)
        else:
            o.conditions = ()
        if 'memberOutcomes' in d:
            v = d['memberOutcomes']
            if v.__class__ is not list: raise _Abandon
            o.member_outcomes = tuple(map(s_MemberOutcome, v))
            v.clear()
        else:
            o.member_outcomes = ()
        o.provenance = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C40_1_0
        return o
    def s_MemberOutcome(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K44_1_0: raise _Abandon
        n += len(d)
        o = _new(_M42_1_0)
        v = d['member']
        ida(v)
        o.member = v
        o.except_members = ()
        if 'position' in d:
            v = d['position']
            o.position = _E38_1_0[v]
        else:
            o.position = None
        if 'progress' in d:
            v = d['progress']
            o.progress = _E39_1_0[v]
        else:
            o.progress = None
        if 'note' in d:
            v = d['note']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.note = v
        else:
            o.note = None
        o.extensions = {}
        o.__class__ = _C43_1_0
        return o
    def s_CaseRecord(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K47_1_0: raise _Abandon
        n += len(d)
        o = _new(_M45_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['complaint']
        o.complaint = s_Complaint(v)
        if 'report' in d:
            v = d['report']
            o.report = s_Report(v)
        else:
            o.report = None
        if 'bodies' in d:
            v = d['bodies']
            if v.__class__ is not list: raise _Abandon
            o.bodies = tuple(map(s_Body, v))
            v.clear()
        else:
            o.bodies = ()
        if 'groups' in d:
            v = d['groups']
            if v.__class__ is not list: raise _Abandon
            o.groups = tuple(map(s_Group, v))
            v.clear()
        else:
            o.groups = ()
        if 'responses' in d:
            v = d['responses']
            if v.__class__ is not list: raise _Abandon
            o.responses = tuple(map(s_Response, v))
            v.clear()
        else:
            o.responses = ()
        if 'assessments' in d:
            v = d['assessments']
            if v.__class__ is not list: raise _Abandon
            o.assessments = tuple(map(s_Assessment, v))
            v.clear()
        else:
            o.assessments = ()
        if 'followUps' in d:
            v = d['followUps']
            if v.__class__ is not list: raise _Abandon
            o.follow_ups = tuple(map(s_FollowUp, v))
            v.clear()
        else:
            o.follow_ups = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C46_1_0
        return o
    def s_FollowUp(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K50_1_0: raise _Abandon
        n += len(d)
        o = _new(_M48_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['sender']
        ida(v)
        o.sender = v
        o.joint_senders = ()
        v = d['recipients']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.recipients = tuple(v)
        v = d['items']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.items = tuple(v)
        v = d['date']
        o.date = _pdate(v)
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        o.provenance = None
        o.signatories = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_0()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C49_1_0
        return o
    def s_Assessment(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K55_1_0: raise _Abandon
        n += len(d)
        o = _new(_M51_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['assessor']
        ida(v)
        o.assessor = v
        v = d['item']
        ida(v)
        o.item = v
        v = d['date']
        o.date = _pdate(v)
        v = d['status']
        o.status = _E52_1_0[v]
        if 'subject' in d:
            v = d['subject']
            ida(v)
            o.subject = v
        else:
            o.subject = None
        if 'rag' in d:
            v = d['rag']
            o.rag = _E53_1_0[v]
        else:
            o.rag = None
        if 'comment' in d:
            v = d['comment']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.comment = v
        else:
            o.comment = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C54_1_0
        return o
    def s_Report(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K58_1_0: raise _Abandon
        n += len(d)
        o = _new(_M56_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        if 'authors' in d:
            v = d['authors']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.authors = tuple(v)
        else:
            o.authors = ()
        if 'sentToAddressees' in d:
            v = d['sentToAddressees']
            o.sent_to_addressees = _pdate(v)
        else:
            o.sent_to_addressees = None
        if 'published' in d:
            v = d['published']
            o.published = _pdate(v)
        else:
            o.published = None
        if 'citation' in d:
            v = d['citation']
            o.citation = s_Citation(v)
        else:
            o.citation = None
        if 'summary' in d:
            v = d['summary']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.summary = v
        else:
            o.summary = None
        if 'actions' in d:
            v = d['actions']
            if v.__class__ is not list: raise _Abandon
            o.actions = tuple(map(s_Action, v))
            v.clear()
        else:
            o.actions = ()
        if 'recommendations' in d:
            v = d['recommendations']
            if v.__class__ is not list: raise _Abandon
            o.recommendations = tuple(map(s_Recommendation, v))
            v.clear()
        else:
            o.recommendations = ()
        if 'monitoring' in d:
            v = d['monitoring']
            if v.__class__ is not list: raise _Abandon
            o.monitoring = tuple(map(s_MonitoringObligation, v))
            v.clear()
        else:
            o.monitoring = ()
        o.stated_counts = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C57_1_0
        return o
    def s_MonitoringObligation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K61_1_0: raise _Abandon
        n += len(d)
        o = _new(_M59_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['reporter']
        ida(v)
        o.reporter = v
        v = d['recipient']
        ida(v)
        o.recipient = v
        o.other_recipients = ()
        v = d['items']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.items = tuple(v)
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            ida(v)
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'source' in d:
            v = d['source']
            ida(v)
            o.source = v
        else:
            o.source = None
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        o.provenance = None
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_0()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C60_1_0
        return o
    def s_Recommendation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K64_1_0: raise _Abandon
        n += len(d)
        o = _new(_M62_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['addressees']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.addressees = tuple(v)
        v = d['text']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.text = v
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'coActors' in d:
            v = d['coActors']
            if v.__class__ is not list: raise _Abandon
            o.co_actors = tuple(map(s_Participant, v))
            v.clear()
        else:
            o.co_actors = ()
        if 'consultees' in d:
            v = d['consultees']
            if v.__class__ is not list: raise _Abandon
            o.consultees = tuple(map(s_Participant, v))
            v.clear()
        else:
            o.consultees = ()
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'evidenceRequirements' in d:
            v = d['evidenceRequirements']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.evidence_requirements = tuple(v)
        else:
            o.evidence_requirements = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_0()
        o.provenance = None
        o.alternate_labels = ()
        o.renderings = ()
        o.not_captured = ()
        o.links = ()
        o.identifiers = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C63_1_0
        return o
    def s_Part(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K67_1_0: raise _Abandon
        n += len(d)
        o = _new(_M65_1_0)
        pk += 1
        if pk > pmax: pmax = pk
        v = d['id']
        ida(v)
        o.id = v
        v = d['text']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.text = v
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        o.provenance = None
        o.links = ()
        o.extensions = {}
        pk -= 1
        o.__class__ = _C66_1_0
        return o
    def s_Participant(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K70_1_0: raise _Abandon
        n += len(d)
        o = _new(_M68_1_0)
        v = d['asWritten']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.as_written = v
        if 'ref' in d:
            v = d['ref']
            ida(v)
            o.ref = v
        else:
            o.ref = None
        o.extensions = {}
        o.__class__ = _C69_1_0
        return o
    def s_Action(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K73_1_0: raise _Abandon
        n += len(d)
        o = _new(_M71_1_0)
        v = d['id']
        ida(v)
        o.id = v
        v = d['owner']
        ida(v)
        o.owner = v
        v = d['text']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.text = v
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_0()
        o.provenance = None
        o.alternate_labels = ()
        o.renderings = ()
        o.not_captured = ()
        o.links = ()
        o.identifiers = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C72_1_0
        return o
    def s_Citation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K76_1_0: raise _Abandon
        n += len(d)
        o = _new(_M74_1_0)
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'publisher' in d:
            v = d['publisher']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.publisher = v
        else:
            o.publisher = None
        o.published = None
        o.extensions = {}
        o.__class__ = _C75_1_0
        return o
    def s_Complaint(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K79_1_0: raise _Abandon
        n += len(d)
        o = _new(_M77_1_0)
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        v = d['complainants']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.complainants = tuple(v)
        if 'decisionMakers' in d:
            v = d['decisionMakers']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.decision_makers = tuple(v)
        else:
            o.decision_makers = ()
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'features' in d:
            v = d['features']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.features = tuple(v)
        else:
            o.features = ()
        if 'scope' in d:
            v = d['scope']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.scope = v
        else:
            o.scope = None
        if 'received' in d:
            v = d['received']
            o.received = _pdate(v)
        else:
            o.received = None
        if 'acknowledged' in d:
            v = d['acknowledged']
            o.acknowledged = _pdate(v)
        else:
            o.acknowledged = None
        if 'eligibility' in d:
            v = d['eligibility']
            o.eligibility = s_EligibilityDecision(v)
        else:
            o.eligibility = None
        o.provenance = None
        o.extensions = {}
        o.__class__ = _C78_1_0
        return o
    def s_EligibilityDecision(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K83_1_0: raise _Abandon
        n += len(d)
        o = _new(_M80_1_0)
        v = d['outcome']
        o.outcome = _E81_1_0[v]
        if 'date' in d:
            v = d['date']
            o.date = _pdate(v)
        else:
            o.date = None
        if 'reasons' in d:
            v = d['reasons']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.reasons = v
        else:
            o.reasons = None
        o.extensions = {}
        o.__class__ = _C82_1_0
        return o
    tags = {'fixed': s_deadline_FixedDeadline, 'period': s_deadline_PeriodDeadline, 'immediate': s_deadline_ImmediateDeadline, 'open': s_deadline_OpenDeadline, 'none': s_deadline_NoDeadline}
    def shape():
        nonlocal n, emax, pk, pmax
        found = 7 + emax + 2 * max(pmax - 1, 0), n
        n = emax = pk = pmax = 0
        ids.clear()
        return found
    return {'case': s_CaseRecord, 'response': s_ResponseDocument, 'register': s_Register}, ids, shape


# Schema 1.1

_M0_1_1 = _mutable_twin(_supercomplaint_model.FixedDeadline)
_C1_1_1 = _supercomplaint_model.FixedDeadline
_K2_1_1 = frozenset({'asWritten', 'date', 'extensions', 'type'})
_M3_1_1 = _mutable_twin(_supercomplaint_model.PeriodDeadline)
_E4_1_1 = _enum_map(_supercomplaint_model.Unit)
_E5_1_1 = _enum_map(_supercomplaint_model.Anchor)
_E6_1_1 = _enum_map(_supercomplaint_model.Counting)
_C7_1_1 = _supercomplaint_model.PeriodDeadline
_K8_1_1 = frozenset({'amount', 'anchor', 'anchorRef', 'asWritten', 'counting', 'extensions', 'statedDate', 'type', 'unit'})
_M9_1_1 = _mutable_twin(_supercomplaint_model.ImmediateDeadline)
_C10_1_1 = _supercomplaint_model.ImmediateDeadline
_K11_1_1 = frozenset({'asWritten', 'extensions', 'type'})
_M12_1_1 = _mutable_twin(_supercomplaint_model.OpenDeadline)
_C13_1_1 = _supercomplaint_model.OpenDeadline
_K14_1_1 = frozenset({'asWritten', 'extensions', 'type'})
_M15_1_1 = _mutable_twin(_supercomplaint_model.NoDeadline)
_C16_1_1 = _supercomplaint_model.NoDeadline
_K17_1_1 = frozenset({'asWritten', 'extensions', 'type'})
_M18_1_1 = _mutable_twin(_supercomplaint_model.NotCapturedDeadline)
_C19_1_1 = _supercomplaint_model.NotCapturedDeadline
_K20_1_1 = frozenset({'asWritten', 'extensions', 'type'})
_M21_1_1 = _mutable_twin(_supercomplaint_model.Register)
_C22_1_1 = _supercomplaint_model.Register
_K23_1_1 = frozenset({'asOf', 'bodies', 'extensions', 'groups', 'kind', 'schemaVersion', 'source'})
_M24_1_1 = _mutable_twin(_supercomplaint_model.Group)
_C25_1_1 = _supercomplaint_model.Group
_K26_1_1 = frozenset({'collator', 'description', 'extensions', 'id', 'members', 'name'})
_M27_1_1 = _mutable_twin(_supercomplaint_model.Body)
_E28_1_1 = _enum_map(_supercomplaint_model.BodyKind)
_C29_1_1 = _supercomplaint_model.Body
_K30_1_1 = frozenset({'aliases', 'area', 'extensions', 'id', 'identifiers', 'kind', 'name', 'names', 'office', 'outsideRegime', 'predecessors'})
_M31_1_1 = _mutable_twin(_supercomplaint_model.DatedName)
_C32_1_1 = _supercomplaint_model.DatedName
_K33_1_1 = frozenset({'extensions', 'name', 'since', 'until'})
_M34_1_1 = _mutable_twin(_supercomplaint_model.Identifier)
_C35_1_1 = _supercomplaint_model.Identifier
_K36_1_1 = frozenset({'extensions', 'scheme', 'value'})
_M37_1_1 = _mutable_twin(_supercomplaint_model.ResponseDocument)
_C38_1_1 = _supercomplaint_model.ResponseDocument
_K39_1_1 = frozenset({'bodies', 'case', 'extensions', 'groups', 'kind', 'response', 'schemaVersion'})
_M40_1_1 = _mutable_twin(_supercomplaint_model.Response)
_C41_1_1 = _supercomplaint_model.Response
_K42_1_1 = frozenset({'audience', 'extensions', 'id', 'inReplyTo', 'items', 'jointResponders', 'occasion', 'onBehalfOf', 'published', 'responder', 'sent', 'signatories', 'title', 'url'})
_M43_1_1 = _mutable_twin(_supercomplaint_model.Signatory)
_C44_1_1 = _supercomplaint_model.Signatory
_K45_1_1 = frozenset({'body', 'extensions', 'name', 'role'})
_M46_1_1 = _mutable_twin(_supercomplaint_model.ItemResponse)
_E47_1_1 = _enum_map(_supercomplaint_model.Position)
_E48_1_1 = _enum_map(_supercomplaint_model.Progress)
_E49_1_1 = _enum_map(_supercomplaint_model.Bound)
_C50_1_1 = _supercomplaint_model.ItemResponse
_K51_1_1 = frozenset({'alternative', 'conditions', 'extensions', 'item', 'memberOutcomes', 'narrative', 'parts', 'plannedCompletion', 'plannedCompletionAsWritten', 'plannedCompletionBound', 'position', 'progress', 'provenance'})
_M52_1_1 = _mutable_twin(_supercomplaint_model.Provenance)
_E53_1_1 = _enum_map(_supercomplaint_model.TextFidelity)
_default54_1_1 = _supercomplaint_model.TextFidelity.VERBATIM
_C55_1_1 = _supercomplaint_model.Provenance
_K56_1_1 = frozenset({'extensions', 'fidelity', 'note', 'source'})
_M57_1_1 = _mutable_twin(_supercomplaint_model.Citation)
_C58_1_1 = _supercomplaint_model.Citation
_K59_1_1 = frozenset({'extensions', 'published', 'publisher', 'title', 'url'})
_M60_1_1 = _mutable_twin(_supercomplaint_model.MemberOutcome)
_C61_1_1 = _supercomplaint_model.MemberOutcome
_K62_1_1 = frozenset({'exceptMembers', 'extensions', 'member', 'note', 'position', 'progress'})
_M63_1_1 = _mutable_twin(_supercomplaint_model.CaseRecord)
_C64_1_1 = _supercomplaint_model.CaseRecord
_K65_1_1 = frozenset({'assessments', 'bodies', 'complaint', 'extensions', 'followUps', 'groups', 'id', 'kind', 'report', 'responses', 'schemaVersion'})
_M66_1_1 = _mutable_twin(_supercomplaint_model.FollowUp)
_C67_1_1 = _supercomplaint_model.FollowUp
_K68_1_1 = frozenset({'date', 'deadline', 'extensions', 'id', 'items', 'jointSenders', 'provenance', 'recipients', 'sender', 'signatories', 'text', 'title', 'url'})
_M69_1_1 = _mutable_twin(_supercomplaint_model.Assessment)
_E70_1_1 = _enum_map(_supercomplaint_model.AssessmentStatus)
_E71_1_1 = _enum_map(_supercomplaint_model.Rag)
_C72_1_1 = _supercomplaint_model.Assessment
_K73_1_1 = frozenset({'assessor', 'comment', 'date', 'extensions', 'id', 'item', 'rag', 'status', 'subject'})
_M74_1_1 = _mutable_twin(_supercomplaint_model.Report)
_C75_1_1 = _supercomplaint_model.Report
_K76_1_1 = frozenset({'actions', 'authors', 'citation', 'extensions', 'id', 'monitoring', 'published', 'recommendations', 'sentToAddressees', 'statedCounts', 'summary', 'title'})
_M77_1_1 = _mutable_twin(_supercomplaint_model.StatedCount)
_E78_1_1 = _enum_map(_supercomplaint_model.CountOf)
_C79_1_1 = _supercomplaint_model.StatedCount
_K80_1_1 = frozenset({'addressee', 'asWritten', 'count', 'extensions', 'of'})
_M81_1_1 = _mutable_twin(_supercomplaint_model.MonitoringObligation)
_C82_1_1 = _supercomplaint_model.MonitoringObligation
_K83_1_1 = frozenset({'deadline', 'extensions', 'id', 'items', 'label', 'onBehalfOf', 'otherRecipients', 'provenance', 'recipient', 'reporter', 'source', 'text'})
_M84_1_1 = _mutable_twin(_supercomplaint_model.Recommendation)
_E85_1_1 = _enum_map(_supercomplaint_model.Detail)
_C86_1_1 = _supercomplaint_model.Recommendation
_K87_1_1 = frozenset({'addressees', 'alternateLabels', 'coActors', 'consultees', 'deadline', 'evidenceRequirements', 'extensions', 'id', 'identifiers', 'label', 'links', 'notCaptured', 'parts', 'provenance', 'renderings', 'text', 'title'})
_M88_1_1 = _mutable_twin(_supercomplaint_model.ItemLink)
_E89_1_1 = _enum_map(_supercomplaint_model.LinkRelation)
_C90_1_1 = _supercomplaint_model.ItemLink
_K91_1_1 = frozenset({'asWritten', 'extensions', 'relation', 'target'})
_M92_1_1 = _mutable_twin(_supercomplaint_model.Rendering)
_C93_1_1 = _supercomplaint_model.Rendering
_K94_1_1 = frozenset({'by', 'deadlineAsWritten', 'extensions', 'label', 'omits', 'parts', 'provenance', 'text'})
_M95_1_1 = _mutable_twin(_supercomplaint_model.Part)
_C96_1_1 = _supercomplaint_model.Part
_K97_1_1 = frozenset({'extensions', 'id', 'label', 'links', 'parts', 'provenance', 'text'})
_M98_1_1 = _mutable_twin(_supercomplaint_model.Participant)
_C99_1_1 = _supercomplaint_model.Participant
_K100_1_1 = frozenset({'asWritten', 'extensions', 'ref'})
_M101_1_1 = _mutable_twin(_supercomplaint_model.Action)
_C102_1_1 = _supercomplaint_model.Action
_K103_1_1 = frozenset({'alternateLabels', 'deadline', 'extensions', 'id', 'identifiers', 'label', 'links', 'notCaptured', 'owner', 'parts', 'provenance', 'renderings', 'text', 'title'})
_M104_1_1 = _mutable_twin(_supercomplaint_model.Complaint)
_C105_1_1 = _supercomplaint_model.Complaint
_K106_1_1 = frozenset({'acknowledged', 'complainants', 'decisionMakers', 'eligibility', 'extensions', 'features', 'onBehalfOf', 'provenance', 'received', 'scope', 'title'})
_M107_1_1 = _mutable_twin(_supercomplaint_model.EligibilityDecision)
_E108_1_1 = _enum_map(_supercomplaint_model.Eligibility)
_C109_1_1 = _supercomplaint_model.EligibilityDecision
_K110_1_1 = frozenset({'date', 'extensions', 'outcome', 'reasons'})


def d_NoDeadline_1_1():
    o = _new(_M15_1_1)
    o.as_written = None
    o.extensions = {}
    o.__class__ = _C16_1_1
    return o
def make_1_1():
    n = emax = pk = pmax = 0
    ids = []
    ida = ids.append
    ide = ids.extend
    def s_deadline_FixedDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K2_1_1: raise _Abandon
        n += len(d)
        o = _new(_M0_1_1)
        v = d['date']
        o.date = _pdate(v)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C1_1_1
        return o
    def s_deadline_PeriodDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K8_1_1: raise _Abandon
        n += len(d)
        o = _new(_M3_1_1)
        v = d['amount']
        if v.__class__ is not int or not 1 <= v < _BIG: raise _Abandon
        o.amount = v
        v = d['unit']
        o.unit = _E4_1_1[v]
        v = d['anchor']
        o.anchor = _E5_1_1[v]
        v = d['counting']
        o.counting = _E6_1_1[v]
        if 'anchorRef' in d:
            v = d['anchorRef']
            ida(v)
            o.anchor_ref = v
        else:
            o.anchor_ref = None
        if 'statedDate' in d:
            v = d['statedDate']
            o.stated_date = _date(v, None)
        else:
            o.stated_date = None
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C7_1_1
        return o
    def s_deadline_ImmediateDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K11_1_1: raise _Abandon
        n += len(d)
        o = _new(_M9_1_1)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C10_1_1
        return o
    def s_deadline_OpenDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K14_1_1: raise _Abandon
        n += len(d)
        o = _new(_M12_1_1)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C13_1_1
        return o
    def s_deadline_NoDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K17_1_1: raise _Abandon
        n += len(d)
        o = _new(_M15_1_1)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C16_1_1
        return o
    def s_deadline_NotCapturedDeadline(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K20_1_1: raise _Abandon
        n += len(d)
        o = _new(_M18_1_1)
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C19_1_1
        return o
    def s__deadline(v):
        if v.__class__ is not dict: raise _Abandon
        return tags[v['type']](v)
    def s_Register(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K23_1_1: raise _Abandon
        n += len(d)
        o = _new(_M21_1_1)
        v = d['bodies']
        if v.__class__ is not list: raise _Abandon
        o.bodies = tuple(map(s_Body, v))
        v.clear()
        if 'groups' in d:
            v = d['groups']
            if v.__class__ is not list: raise _Abandon
            o.groups = tuple(map(s_Group, v))
            v.clear()
        else:
            o.groups = ()
        if 'asOf' in d:
            v = d['asOf']
            o.as_of = _date(v, None)
        else:
            o.as_of = None
        if 'source' in d:
            v = d['source']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.source = v
        else:
            o.source = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C22_1_1
        return o
    def s_Group(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K26_1_1: raise _Abandon
        n += len(d)
        o = _new(_M24_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        v = d['members']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.members = tuple(v)
        if 'collator' in d:
            v = d['collator']
            ida(v)
            o.collator = v
        else:
            o.collator = None
        if 'description' in d:
            v = d['description']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.description = v
        else:
            o.description = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C25_1_1
        return o
    def s_Body(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K30_1_1: raise _Abandon
        n += len(d)
        o = _new(_M27_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        v = d['kind']
        o.kind = _E28_1_1[v]
        if 'identifiers' in d:
            v = d['identifiers']
            if v.__class__ is not list: raise _Abandon
            o.identifiers = tuple(map(s_Identifier, v))
            v.clear()
        else:
            o.identifiers = ()
        if 'area' in d:
            v = d['area']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.area = v
        else:
            o.area = None
        if 'office' in d:
            v = d['office']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.office = v
        else:
            o.office = None
        if 'aliases' in d:
            v = d['aliases']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.aliases = tuple(v)
        else:
            o.aliases = ()
        if 'names' in d:
            v = d['names']
            if v.__class__ is not list: raise _Abandon
            o.names = tuple(map(s_DatedName, v))
            v.clear()
        else:
            o.names = ()
        if 'predecessors' in d:
            v = d['predecessors']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.predecessors = tuple(v)
        else:
            o.predecessors = ()
        if 'outsideRegime' in d:
            v = d['outsideRegime']
            if v is not True and v is not False: raise _Abandon
            o.outside_regime = v
        else:
            o.outside_regime = False
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C29_1_1
        return o
    def s_DatedName(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K33_1_1: raise _Abandon
        n += len(d)
        o = _new(_M31_1_1)
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        if 'since' in d:
            v = d['since']
            o.since = _pdate(v)
        else:
            o.since = None
        if 'until' in d:
            v = d['until']
            o.until = _pdate(v)
        else:
            o.until = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C32_1_1
        return o
    def s_Identifier(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K36_1_1: raise _Abandon
        n += len(d)
        o = _new(_M34_1_1)
        v = d['scheme']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.scheme = v
        v = d['value']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.value = v
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C35_1_1
        return o
    def s_ResponseDocument(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K39_1_1: raise _Abandon
        n += len(d)
        o = _new(_M37_1_1)
        v = d['case']
        ida(v)
        o.case = v
        v = d['response']
        o.response = s_Response(v)
        if 'bodies' in d:
            v = d['bodies']
            if v.__class__ is not list: raise _Abandon
            o.bodies = tuple(map(s_Body, v))
            v.clear()
        else:
            o.bodies = ()
        if 'groups' in d:
            v = d['groups']
            if v.__class__ is not list: raise _Abandon
            o.groups = tuple(map(s_Group, v))
            v.clear()
        else:
            o.groups = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C38_1_1
        return o
    def s_Response(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K42_1_1: raise _Abandon
        n += len(d)
        o = _new(_M40_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['responder']
        ida(v)
        o.responder = v
        if 'jointResponders' in d:
            v = d['jointResponders']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.joint_responders = tuple(v)
        else:
            o.joint_responders = ()
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            ida(v)
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'audience' in d:
            v = d['audience']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.audience = v
        else:
            o.audience = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'occasion' in d:
            v = d['occasion']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.occasion = v
        else:
            o.occasion = None
        if 'sent' in d:
            v = d['sent']
            o.sent = _pdate(v)
        else:
            o.sent = None
        if 'published' in d:
            v = d['published']
            o.published = _pdate(v)
        else:
            o.published = None
        if 'inReplyTo' in d:
            v = d['inReplyTo']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.in_reply_to = tuple(v)
        else:
            o.in_reply_to = ()
        if 'items' in d:
            v = d['items']
            if v.__class__ is not list: raise _Abandon
            o.items = tuple(map(s_ItemResponse, v))
            v.clear()
        else:
            o.items = ()
        if 'signatories' in d:
            v = d['signatories']
            if v.__class__ is not list: raise _Abandon
            o.signatories = tuple(map(s_Signatory, v))
            v.clear()
        else:
            o.signatories = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C41_1_1
        return o
    def s_Signatory(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K45_1_1: raise _Abandon
        n += len(d)
        o = _new(_M43_1_1)
        v = d['name']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.name = v
        if 'role' in d:
            v = d['role']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.role = v
        else:
            o.role = None
        if 'body' in d:
            v = d['body']
            ida(v)
            o.body = v
        else:
            o.body = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C44_1_1
        return o
    def s_ItemResponse(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K51_1_1: raise _Abandon
        n += len(d)
        o = _new(_M46_1_1)
        v = d['item']
        ida(v)
        o.item = v
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.parts = tuple(v)
        else:
            o.parts = ()
        if 'position' in d:
            v = d['position']
            o.position = _E47_1_1[v]
        else:
            o.position = None
        if 'progress' in d:
            v = d['progress']
            o.progress = _E48_1_1[v]
        else:
            o.progress = None
        if 'narrative' in d:
            v = d['narrative']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.narrative = v
        else:
            o.narrative = None
        if 'alternative' in d:
            v = d['alternative']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.alternative = v
        else:
            o.alternative = None
        if 'plannedCompletion' in d:
            v = d['plannedCompletion']
            o.planned_completion = _pdate(v)
        else:
            o.planned_completion = None
        if 'plannedCompletionBound' in d:
            v = d['plannedCompletionBound']
            o.planned_completion_bound = _E49_1_1[v]
        else:
            o.planned_completion_bound = None
        if 'plannedCompletionAsWritten' in d:
            v = d['plannedCompletionAsWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.planned_completion_as_written = v
        else:
            o.planned_completion_as_written = None
        if 'conditions' in d:
            v = d['conditions']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.conditions = tuple(v)
        else:
            o.conditions = ()
        if 'memberOutcomes' in d:
            v = d['memberOutcomes']
            if v.__class__ is not list: raise _Abandon
            o.member_outcomes = tuple(map(s_MemberOutcome, v))
            v.clear()
        else:
            o.member_outcomes = ()
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C50_1_1
        return o
    def s_Provenance(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K56_1_1: raise _Abandon
        n += len(d)
        o = _new(_M52_1_1)
        if 'fidelity' in d:
            v = d['fidelity']
            o.fidelity = _E53_1_1[v]
        else:
            o.fidelity = _default54_1_1
        if 'source' in d:
            v = d['source']
            o.source = s_Citation(v)
        else:
            o.source = None
        if 'note' in d:
            v = d['note']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.note = v
        else:
            o.note = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C55_1_1
        return o
    def s_Citation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K59_1_1: raise _Abandon
        n += len(d)
        o = _new(_M57_1_1)
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'publisher' in d:
            v = d['publisher']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.publisher = v
        else:
            o.publisher = None
        if 'published' in d:
            v = d['published']
            o.published = _pdate(v)
        else:
            o.published = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C58_1_1
        return o
    def s_MemberOutcome(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K62_1_1: raise _Abandon
        n += len(d)
        o = _new(_M60_1_1)
        v = d['member']
        ida(v)
        o.member = v
        if 'exceptMembers' in d:
            v = d['exceptMembers']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.except_members = tuple(v)
        else:
            o.except_members = ()
        if 'position' in d:
            v = d['position']
            o.position = _E47_1_1[v]
        else:
            o.position = None
        if 'progress' in d:
            v = d['progress']
            o.progress = _E48_1_1[v]
        else:
            o.progress = None
        if 'note' in d:
            v = d['note']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.note = v
        else:
            o.note = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C61_1_1
        return o
    def s_CaseRecord(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K65_1_1: raise _Abandon
        n += len(d)
        o = _new(_M63_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['complaint']
        o.complaint = s_Complaint(v)
        if 'report' in d:
            v = d['report']
            o.report = s_Report(v)
        else:
            o.report = None
        if 'bodies' in d:
            v = d['bodies']
            if v.__class__ is not list: raise _Abandon
            o.bodies = tuple(map(s_Body, v))
            v.clear()
        else:
            o.bodies = ()
        if 'groups' in d:
            v = d['groups']
            if v.__class__ is not list: raise _Abandon
            o.groups = tuple(map(s_Group, v))
            v.clear()
        else:
            o.groups = ()
        if 'responses' in d:
            v = d['responses']
            if v.__class__ is not list: raise _Abandon
            o.responses = tuple(map(s_Response, v))
            v.clear()
        else:
            o.responses = ()
        if 'assessments' in d:
            v = d['assessments']
            if v.__class__ is not list: raise _Abandon
            o.assessments = tuple(map(s_Assessment, v))
            v.clear()
        else:
            o.assessments = ()
        if 'followUps' in d:
            v = d['followUps']
            if v.__class__ is not list: raise _Abandon
            o.follow_ups = tuple(map(s_FollowUp, v))
            v.clear()
        else:
            o.follow_ups = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C64_1_1
        return o
    def s_FollowUp(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K68_1_1: raise _Abandon
        n += len(d)
        o = _new(_M66_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['sender']
        ida(v)
        o.sender = v
        if 'jointSenders' in d:
            v = d['jointSenders']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.joint_senders = tuple(v)
        else:
            o.joint_senders = ()
        v = d['recipients']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.recipients = tuple(v)
        v = d['items']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.items = tuple(v)
        v = d['date']
        o.date = _pdate(v)
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'url' in d:
            v = d['url']
            if v.__class__ is not str or _url(v) is None: raise _Abandon
            if ":" in v: n += v.count(":")
            o.url = v
        else:
            o.url = None
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'signatories' in d:
            v = d['signatories']
            if v.__class__ is not list: raise _Abandon
            o.signatories = tuple(map(s_Signatory, v))
            v.clear()
        else:
            o.signatories = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_1()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C67_1_1
        return o
    def s_Assessment(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K73_1_1: raise _Abandon
        n += len(d)
        o = _new(_M69_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['assessor']
        ida(v)
        o.assessor = v
        v = d['item']
        ida(v)
        o.item = v
        v = d['date']
        o.date = _pdate(v)
        v = d['status']
        o.status = _E70_1_1[v]
        if 'subject' in d:
            v = d['subject']
            ida(v)
            o.subject = v
        else:
            o.subject = None
        if 'rag' in d:
            v = d['rag']
            o.rag = _E71_1_1[v]
        else:
            o.rag = None
        if 'comment' in d:
            v = d['comment']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.comment = v
        else:
            o.comment = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C72_1_1
        return o
    def s_Report(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K76_1_1: raise _Abandon
        n += len(d)
        o = _new(_M74_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        if 'authors' in d:
            v = d['authors']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.authors = tuple(v)
        else:
            o.authors = ()
        if 'sentToAddressees' in d:
            v = d['sentToAddressees']
            o.sent_to_addressees = _pdate(v)
        else:
            o.sent_to_addressees = None
        if 'published' in d:
            v = d['published']
            o.published = _pdate(v)
        else:
            o.published = None
        if 'citation' in d:
            v = d['citation']
            o.citation = s_Citation(v)
        else:
            o.citation = None
        if 'summary' in d:
            v = d['summary']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.summary = v
        else:
            o.summary = None
        if 'actions' in d:
            v = d['actions']
            if v.__class__ is not list: raise _Abandon
            o.actions = tuple(map(s_Action, v))
            v.clear()
        else:
            o.actions = ()
        if 'recommendations' in d:
            v = d['recommendations']
            if v.__class__ is not list: raise _Abandon
            o.recommendations = tuple(map(s_Recommendation, v))
            v.clear()
        else:
            o.recommendations = ()
        if 'monitoring' in d:
            v = d['monitoring']
            if v.__class__ is not list: raise _Abandon
            o.monitoring = tuple(map(s_MonitoringObligation, v))
            v.clear()
        else:
            o.monitoring = ()
        if 'statedCounts' in d:
            v = d['statedCounts']
            if v.__class__ is not list: raise _Abandon
            o.stated_counts = tuple(map(s_StatedCount, v))
            v.clear()
        else:
            o.stated_counts = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C75_1_1
        return o
    def s_StatedCount(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K80_1_1: raise _Abandon
        n += len(d)
        o = _new(_M77_1_1)
        v = d['of']
        o.of = _E78_1_1[v]
        v = d['count']
        if v.__class__ is not int or not 0 <= v < _BIG: raise _Abandon
        o.count = v
        if 'addressee' in d:
            v = d['addressee']
            ida(v)
            o.addressee = v
        else:
            o.addressee = None
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C79_1_1
        return o
    def s_MonitoringObligation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K83_1_1: raise _Abandon
        n += len(d)
        o = _new(_M81_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['reporter']
        ida(v)
        o.reporter = v
        v = d['recipient']
        ida(v)
        o.recipient = v
        if 'otherRecipients' in d:
            v = d['otherRecipients']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.other_recipients = tuple(v)
        else:
            o.other_recipients = ()
        v = d['items']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.items = tuple(v)
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            ida(v)
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'source' in d:
            v = d['source']
            ida(v)
            o.source = v
        else:
            o.source = None
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_1()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C82_1_1
        return o
    def s_Recommendation(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K87_1_1: raise _Abandon
        n += len(d)
        o = _new(_M84_1_1)
        v = d['id']
        ida(v)
        o.id = v
        if 'addressees' in d:
            v = d['addressees']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.addressees = tuple(v)
        else:
            o.addressees = ()
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'coActors' in d:
            v = d['coActors']
            if v.__class__ is not list: raise _Abandon
            o.co_actors = tuple(map(s_Participant, v))
            v.clear()
        else:
            o.co_actors = ()
        if 'consultees' in d:
            v = d['consultees']
            if v.__class__ is not list: raise _Abandon
            o.consultees = tuple(map(s_Participant, v))
            v.clear()
        else:
            o.consultees = ()
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'evidenceRequirements' in d:
            v = d['evidenceRequirements']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.evidence_requirements = tuple(v)
        else:
            o.evidence_requirements = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_1()
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'alternateLabels' in d:
            v = d['alternateLabels']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.alternate_labels = tuple(v)
        else:
            o.alternate_labels = ()
        if 'renderings' in d:
            v = d['renderings']
            if v.__class__ is not list: raise _Abandon
            o.renderings = tuple(map(s_Rendering, v))
            v.clear()
        else:
            o.renderings = ()
        if 'notCaptured' in d:
            v = d['notCaptured']
            if v.__class__ is not list: raise _Abandon
            o.not_captured = tuple(map(_E85_1_1.__getitem__, v))
        else:
            o.not_captured = ()
        if 'links' in d:
            v = d['links']
            if v.__class__ is not list: raise _Abandon
            o.links = tuple(map(s_ItemLink, v))
            v.clear()
        else:
            o.links = ()
        if 'identifiers' in d:
            v = d['identifiers']
            if v.__class__ is not list: raise _Abandon
            o.identifiers = tuple(map(s_Identifier, v))
            v.clear()
        else:
            o.identifiers = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C86_1_1
        return o
    def s_ItemLink(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K91_1_1: raise _Abandon
        n += len(d)
        o = _new(_M88_1_1)
        v = d['relation']
        o.relation = _E89_1_1[v]
        v = d['target']
        ida(v)
        o.target = v
        if 'asWritten' in d:
            v = d['asWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.as_written = v
        else:
            o.as_written = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C90_1_1
        return o
    def s_Rendering(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K94_1_1: raise _Abandon
        n += len(d)
        o = _new(_M92_1_1)
        if 'by' in d:
            v = d['by']
            ida(v)
            o.by = v
        else:
            o.by = None
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'deadlineAsWritten' in d:
            v = d['deadlineAsWritten']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.deadline_as_written = v
        else:
            o.deadline_as_written = None
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'omits' in d:
            v = d['omits']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.omits = tuple(v)
        else:
            o.omits = ()
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C93_1_1
        return o
    def s_Part(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K97_1_1: raise _Abandon
        n += len(d)
        o = _new(_M95_1_1)
        pk += 1
        if pk > pmax: pmax = pk
        v = d['id']
        ida(v)
        o.id = v
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'links' in d:
            v = d['links']
            if v.__class__ is not list: raise _Abandon
            o.links = tuple(map(s_ItemLink, v))
            v.clear()
        else:
            o.links = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        pk -= 1
        o.__class__ = _C96_1_1
        return o
    def s_Participant(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K100_1_1: raise _Abandon
        n += len(d)
        o = _new(_M98_1_1)
        v = d['asWritten']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.as_written = v
        if 'ref' in d:
            v = d['ref']
            ida(v)
            o.ref = v
        else:
            o.ref = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C99_1_1
        return o
    def s_Action(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K103_1_1: raise _Abandon
        n += len(d)
        o = _new(_M101_1_1)
        v = d['id']
        ida(v)
        o.id = v
        v = d['owner']
        ida(v)
        o.owner = v
        if 'text' in d:
            v = d['text']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.text = v
        else:
            o.text = None
        if 'label' in d:
            v = d['label']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.label = v
        else:
            o.label = None
        if 'title' in d:
            v = d['title']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.title = v
        else:
            o.title = None
        if 'parts' in d:
            v = d['parts']
            if v.__class__ is not list: raise _Abandon
            o.parts = tuple(map(s_Part, v))
            v.clear()
        else:
            o.parts = ()
        if 'deadline' in d:
            v = d['deadline']
            o.deadline = s__deadline(v)
        else:
            o.deadline = d_NoDeadline_1_1()
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'alternateLabels' in d:
            v = d['alternateLabels']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.alternate_labels = tuple(v)
        else:
            o.alternate_labels = ()
        if 'renderings' in d:
            v = d['renderings']
            if v.__class__ is not list: raise _Abandon
            o.renderings = tuple(map(s_Rendering, v))
            v.clear()
        else:
            o.renderings = ()
        if 'notCaptured' in d:
            v = d['notCaptured']
            if v.__class__ is not list: raise _Abandon
            o.not_captured = tuple(map(_E85_1_1.__getitem__, v))
        else:
            o.not_captured = ()
        if 'links' in d:
            v = d['links']
            if v.__class__ is not list: raise _Abandon
            o.links = tuple(map(s_ItemLink, v))
            v.clear()
        else:
            o.links = ()
        if 'identifiers' in d:
            v = d['identifiers']
            if v.__class__ is not list: raise _Abandon
            o.identifiers = tuple(map(s_Identifier, v))
            v.clear()
        else:
            o.identifiers = ()
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C102_1_1
        return o
    def s_Complaint(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K106_1_1: raise _Abandon
        n += len(d)
        o = _new(_M104_1_1)
        v = d['title']
        if v.__class__ is not str or not v: raise _Abandon
        if ":" in v: n += v.count(":")
        o.title = v
        v = d['complainants']
        if v.__class__ is not list: raise _Abandon
        ide(v)
        o.complainants = tuple(v)
        if 'decisionMakers' in d:
            v = d['decisionMakers']
            if v.__class__ is not list: raise _Abandon
            ide(v)
            o.decision_makers = tuple(v)
        else:
            o.decision_makers = ()
        if 'onBehalfOf' in d:
            v = d['onBehalfOf']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.on_behalf_of = v
        else:
            o.on_behalf_of = None
        if 'features' in d:
            v = d['features']
            if v.__class__ is not list: raise _Abandon
            if "" in v: raise _Abandon
            j = "".join(v)
            if ":" in j: n += j.count(":")
            o.features = tuple(v)
        else:
            o.features = ()
        if 'scope' in d:
            v = d['scope']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.scope = v
        else:
            o.scope = None
        if 'received' in d:
            v = d['received']
            o.received = _pdate(v)
        else:
            o.received = None
        if 'acknowledged' in d:
            v = d['acknowledged']
            o.acknowledged = _pdate(v)
        else:
            o.acknowledged = None
        if 'eligibility' in d:
            v = d['eligibility']
            o.eligibility = s_EligibilityDecision(v)
        else:
            o.eligibility = None
        if 'provenance' in d:
            v = d['provenance']
            o.provenance = s_Provenance(v)
        else:
            o.provenance = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C105_1_1
        return o
    def s_EligibilityDecision(d):
        nonlocal n, emax, pk, pmax
        if d.__class__ is not dict or not d.keys() <= _K110_1_1: raise _Abandon
        n += len(d)
        o = _new(_M107_1_1)
        v = d['outcome']
        o.outcome = _E108_1_1[v]
        if 'date' in d:
            v = d['date']
            o.date = _pdate(v)
        else:
            o.date = None
        if 'reasons' in d:
            v = d['reasons']
            if v.__class__ is not str or not v: raise _Abandon
            if ":" in v: n += v.count(":")
            o.reasons = v
        else:
            o.reasons = None
        if 'extensions' in d:
            v = d['extensions']
            if v.__class__ is not dict: raise _Abandon
            if v:
                o.extensions = _ext(v, None)
                e, c = _ext_shape(v)
                n += c
                if e > emax: emax = e
            else:
                o.extensions = {}
        else:
            o.extensions = {}
        o.__class__ = _C109_1_1
        return o
    tags = {'fixed': s_deadline_FixedDeadline, 'period': s_deadline_PeriodDeadline, 'immediate': s_deadline_ImmediateDeadline, 'open': s_deadline_OpenDeadline, 'none': s_deadline_NoDeadline, 'not-captured': s_deadline_NotCapturedDeadline}
    def shape():
        nonlocal n, emax, pk, pmax
        found = 11 + emax + 2 * max(pmax - 1, 0), n
        n = emax = pk = pmax = 0
        ids.clear()
        return found
    return {'case': s_CaseRecord, 'response': s_ResponseDocument, 'register': s_Register}, ids, shape


MAKERS = {'1.0': make_1_0, '1.1': make_1_1}
