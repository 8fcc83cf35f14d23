"""The embedded July 2017 plan, compiled from plans/2017-07.toml (GENERATED: do not edit).

Regenerate with ``python -m chukan_schedule.plancode > src/chukan_schedule/embedded_2017_07.py``;
tests/test_embedded_plan.py fails while this file differs from what the TOML file gives.
"""

# fmt: off
# ruff: noqa: E501
from datetime import date, time
from zoneinfo import ZoneInfo

from .engine import PlanData
from .model import DayType, Milestone, Mode, Period, Rule

DATA = PlanData(
    source='<embedded 2017-07.toml>',
    id='2017-07',
    en='Municipal middle server, July 2017',
    ja='自治体中間サーバー 平成29年7月の稼働状況',
    tz=ZoneInfo('Asia/Tokyo'),
    holidays='JP',
    first_day=date(2017, 7, 1),
    last_day=date(2017, 7, 31),
    periods=(
        Period(first_day=date(2017, 7, 1), last_day=date(2017, 7, 2), mode=Mode.PLANNED_STOP, clause='N3', en='Planned stop: mode switch', ja='計画停止：モード切替作業等'),
        Period(first_day=date(2017, 7, 3), last_day=date(2017, 7, 7), mode=Mode.TEST, clause='N2', en='Test mode: operation check period', ja='テスト：運用確認期間'),
        Period(first_day=date(2017, 7, 8), last_day=date(2017, 7, 9), mode=Mode.PLANNED_STOP, clause='N3', en='Planned stop: mode switch', ja='計画停止：モード切替作業等'),
        Period(first_day=date(2017, 7, 10), last_day=date(2017, 7, 12), mode=Mode.PLANNED_STOP, clause='N4', en='Planned stop: production master data applied', ja='計画停止：本番用マスターデータ適用作業'),
        Period(first_day=date(2017, 7, 13), last_day=date(2017, 7, 17), mode=Mode.NORMAL, clause='N6', en='Normal mode: differential registration and code acquisition period', ja='通常：差分副本登録・符号取得期間'),
        Period(first_day=date(2017, 7, 18), last_day=date(2017, 7, 31), mode=Mode.NORMAL, clause='T', en='Normal mode: linkage has started', ja='通常：情報連携開始'),
    ),
    milestones=(
        Milestone(id='initial_registration', first_day=date(2017, 6, 23), last_day=date(2017, 6, 23), clause='N1', en='Initial production registration due', ja='本番用副本初期登録の期限', expected=False, end_expected=False),
        Milestone(id='advice_deadline', first_day=date(2017, 6, 30), last_day=date(2017, 6, 30), clause='P1', en='Registration and its accuracy due (end of June)', ja='副本登録及び副本の正確性の担保の期限（6月末）', expected=False, end_expected=False),
        Milestone(id='operation_check', first_day=date(2017, 7, 3), last_day=date(2017, 7, 7), clause='N2', en='Operation check of the enhanced server; linkage tests', ja='機能強化後の運用確認・情報連携のテスト', expected=False, end_expected=False),
        Milestone(id='linkage_suppression', first_day=date(2017, 7, 8), last_day=date(2017, 7, 17), clause='N5', en='Linkage suppressed (end on 07-17 expected)', ja='情報連携抑止（終了日の17日は想定）', expected=False, end_expected=True),
        Milestone(id='master_data', first_day=date(2017, 7, 10), last_day=date(2017, 7, 10), clause='N4', en='Production master data (master data release 4) sent', ja='本番用マスターデータ（マスターデータリリース4）配信', expected=False, end_expected=False),
        Milestone(id='differential_period', first_day=date(2017, 7, 13), last_day=date(2017, 7, 17), clause='N6', en='Differential registration and code acquisition period', ja='差分副本登録・符号取得期間', expected=False, end_expected=False),
        Milestone(id='auto_response_restriction', first_day=date(2017, 7, 17), last_day=date(2017, 7, 17), clause='N7', en='Auto-response restriction settings due (before linkage starts)', ja='自動応答制限設定の期限（情報連携開始まで）', expected=False, end_expected=False),
        Milestone(id='linkage_start', first_day=date(2017, 7, 18), last_day=date(2017, 7, 18), clause='T', en='Linkage starts (expected)', ja='情報連携開始（想定）', expected=True, end_expected=False),
    ),
    rules=(
        Rule(subject='server', clause='H', en='The server runs 08:00-21:00 on weekdays', ja='自治体中間サーバーは平日8時から21時まで稼働します', modes=frozenset({Mode.NORMAL, Mode.TEST}), day_type=DayType.WEEKDAY, first_day=None, last_day=None, hours=(time(8, 0), time(21, 0)), expected=False, end_expected=False),
        Rule(subject='server', clause='H', en='The server runs 09:00-17:00 on Saturdays, Sundays and holidays', ja='自治体中間サーバーは土日祝日9時から17時まで稼働します', modes=frozenset({Mode.NORMAL, Mode.TEST}), day_type=DayType.REST_DAY, first_day=None, last_day=None, hours=(time(9, 0), time(17, 0)), expected=False, end_expected=False),
        Rule(subject='registration', clause='N6', en='Registration is not possible in test mode', ja='テストモード中は副本登録できません', modes=frozenset({Mode.TEST}), day_type=None, first_day=None, last_day=None, hours=None, expected=False, end_expected=False),
        Rule(subject='registration', clause='H', en='Registration runs 08:00-24:00 on weekdays', ja='副本登録は平日8時から24時まで可能です', modes=frozenset({Mode.NORMAL}), day_type=DayType.WEEKDAY, first_day=None, last_day=None, hours=(time(8, 0), None), expected=False, end_expected=False),
        Rule(subject='registration', clause='H', en='Registration runs 09:00-17:00 on Saturdays, Sundays and holidays', ja='副本登録は土日祝日9時から17時まで可能です', modes=frozenset({Mode.NORMAL}), day_type=DayType.REST_DAY, first_day=None, last_day=None, hours=(time(9, 0), time(17, 0)), expected=False, end_expected=False),
        Rule(subject='code_acquisition', clause='N6', en='Code acquisition is not possible in test mode', ja='テストモード中は符号取得できません', modes=frozenset({Mode.TEST}), day_type=None, first_day=None, last_day=None, hours=None, expected=False, end_expected=False),
        Rule(subject='code_acquisition', clause='N6', en='Code acquisition is possible 09:00-17:00 on 07-15..17: the resident registry network runs with the server', ja='7月15日から17日は住基ネットも稼働するため、9時から17時まで符号取得が可能です', modes=frozenset({Mode.NORMAL}), day_type=DayType.REST_DAY, first_day=date(2017, 7, 15), last_day=date(2017, 7, 17), hours=(time(9, 0), time(17, 0)), expected=False, end_expected=False),
        Rule(subject='code_acquisition', clause='H', en='Code acquisition runs 08:00-21:00 on weekdays', ja='符号取得は平日8時から21時まで可能です', modes=frozenset({Mode.NORMAL}), day_type=DayType.WEEKDAY, first_day=None, last_day=None, hours=(time(8, 0), time(21, 0)), expected=False, end_expected=False),
        Rule(subject='code_acquisition', clause='N6', en='Code acquisition is not possible on Saturdays, Sundays and holidays', ja='符号取得は通常土日祝日は行えません', modes=frozenset({Mode.NORMAL}), day_type=DayType.REST_DAY, first_day=None, last_day=None, hours=None, expected=False, end_expected=False),
        Rule(subject='linkage', clause='N5', en='Production linkage is suppressed from 07-08 to 07-17 (the end, 07-17, expected)', ja='7月8日から17日（想定）までは本番の情報連携が抑止されます', modes=frozenset({Mode.NORMAL, Mode.TEST}), day_type=None, first_day=date(2017, 7, 8), last_day=date(2017, 7, 17), hours=None, expected=False, end_expected=True),
        Rule(subject='linkage', clause='N2', en='Production linkage is not possible in test mode; only linkage tests are', ja='テストモード中は本番の情報連携はできません（情報連携のテストのみ）', modes=frozenset({Mode.TEST}), day_type=None, first_day=None, last_day=None, hours=None, expected=False, end_expected=False),
        Rule(subject='linkage', clause='T', en='Linkage runs 08:00-21:00 on weekdays (from 07-18, expected)', ja='情報連携は平日8時から21時まで可能です（7月18日開始は想定）', modes=frozenset({Mode.NORMAL}), day_type=DayType.WEEKDAY, first_day=None, last_day=None, hours=(time(8, 0), time(21, 0)), expected=True, end_expected=False),
        Rule(subject='linkage', clause='T', en='Linkage runs 09:00-17:00 on Saturdays, Sundays and holidays (from 07-18, expected)', ja='情報連携は土日祝日9時から17時まで可能です（7月18日開始は想定）', modes=frozenset({Mode.NORMAL}), day_type=DayType.REST_DAY, first_day=None, last_day=None, hours=(time(9, 0), time(17, 0)), expected=True, end_expected=False),
        Rule(subject='linkage_test', clause='N2', en='Linkage tests and the operation check run 08:00-21:00 on weekdays in test mode', ja='テストモード中は平日8時から21時まで情報連携のテスト・運用確認が可能です', modes=frozenset({Mode.TEST}), day_type=DayType.WEEKDAY, first_day=None, last_day=None, hours=(time(8, 0), time(21, 0)), expected=False, end_expected=False),
        Rule(subject='linkage_test', clause='N2', en='Linkage tests and the operation check run 09:00-17:00 on rest days in test mode', ja='テストモード中は土日祝日9時から17時まで情報連携のテスト・運用確認が可能です', modes=frozenset({Mode.TEST}), day_type=DayType.REST_DAY, first_day=None, last_day=None, hours=(time(9, 0), time(17, 0)), expected=False, end_expected=False),
        Rule(subject='linkage_test', clause='N2', en='Linkage tests are possible only in test mode (07-03..07)', ja='情報連携のテストはテストモード中（7月3日から7日）のみ可能です', modes=frozenset({Mode.NORMAL}), day_type=None, first_day=None, last_day=None, hours=None, expected=False, end_expected=False),
    ),
    revision=0,
    revised=None,
)

#: The national holidays of the coverage (from the holidays package): day -> (English, Japanese).
REST_DAYS = {
    date(2017, 7, 17): ('Marine Day', '海の日'),
}
