"""Makes handmade.xlsx: a T2021 申报表 as a person fills one in Excel —
a sheet of instructions before the form, labels with colons and in merged
cells, 项目期限 as label and value in one cell, blank rows in the header
and in the table, groups as merged cells, numbers stored as text beside
real numbers, a real date cell, a footer row. Its findings are pinned by
tests/xlsx.rs.

    python3 -m venv venv && venv/bin/pip install openpyxl==3.1.5
    venv/bin/python tests/xlsx/make_handmade.py
"""
import datetime
import pathlib

from openpyxl import Workbook

wb = Workbook()
wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
notes = wb.active
notes.title = "填表说明"
notes["A1"] = "填表说明"
notes["A2"] = "请在“绩效目标表”工作表中填写，金额单位为元。"

ws = wb.create_sheet("绩效目标表")


def merged(cells, value=None):
    first = cells.split(":")[0]
    ws.merge_cells(cells)
    if value is not None:
        ws[first] = value


merged("A1:F1", "财政项目支出绩效目标申报表")
merged("A2:F2", "（2024年度）")
# row 3 is blank
ws["A4"] = "项目名称："
merged("B4:C4", "社区卫生服务能力提升")
ws["D4"] = "项目性质"
ws["E4"] = "经常性项目"
ws["A5"] = "项目类别"
ws["B5"] = "特定目标类"
ws["D5"] = "实施单位"
ws["E5"] = "上海市某区社区卫生服务中心"
ws["A6"] = "主管部门"
merged("B6:C6", "上海市某区卫生健康委员会")
merged("A7:C7", "项目期限：2024-01-01至2024-12-31")
# row 8 is blank
merged("A9:A12", "项目资金（元）")
ws["B9"] = "项目资金总额："
ws["D9"] = "年度资金申请总额："
ws["E9"] = "800000"  # a number stored as text
ws["B10"] = "其中：财政资金"
ws["D10"] = "其中：当年财政拨款"
ws["E10"] = 700000  # a number
ws["D11"] = "上年结转资金"
ws["E11"] = "100,000.00"
ws["B12"] = "其他资金"
ws["D12"] = "其他资金"
ws["E12"] = 0
merged("A13:A14", "项目绩效目标")
merged("B13:C13", "项目总目标")
merged("D13:F13", "年度总体目标")
merged("B14:C14")
merged("D14:F14", "完成全科医生培训200人次，提升社区卫生服务能力。")
# row 15 is blank
merged("A16:A25", "绩效指标")
for col, title in zip("BCDE", ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值"]):
    ws[f"{col}16"] = title
merged("B17:B21", "产出指标")
merged("C17:C18", "数量指标")
ws["D17"] = "培训人次"
ws["E17"] = "≥200人次"
ws["D18"] = "覆盖社区卫生服务中心数（个）"
ws["E18"] = "12"  # a number stored as text; the unit is in the name
# row 19 is blank, inside the merged 产出指标
ws["C20"] = "质量指标"
ws["D20"] = "培训合格率"
ws["E20"] = "≥95%"
ws["C21"] = "时效指标"
ws["D21"] = "培训完成时间"
ws["E21"] = datetime.date(2024, 11, 30)  # a date cell
ws["E21"].number_format = "yyyy-mm-dd"
merged("B22:B23", "效益指标")
ws["C22"] = "社会效益指标"
ws["D22"] = "居民健康管理水平"
ws["E22"] = "有所提高"
ws["C23"] = "可持续影响指标"
ws["D23"] = "服务能力长效机制"
ws["E23"] = "建立"
ws["B24"] = "满意度指标"
ws["C24"] = "服务对象满意度指标"
ws["D24"] = "培训对象满意度"
ws["E24"] = "≥120%"
ws["B25"] = "成本指标"
ws["C25"] = "经济成本指标"
ws["D25"] = "人均培训成本"
ws["E25"] = 4000  # a number; the unit is missing
ws["A26"] = "备注"
merged("B26:E26", "本表金额单位为元。")

wb.save(pathlib.Path(__file__).with_name("handmade.xlsx"))
