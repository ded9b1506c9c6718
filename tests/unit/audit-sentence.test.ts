/** The audit log reads as sentences in the product's own Chinese words, not codes or JSON. */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "../../messages/zh-CN.json";
import { auditSentence, type AuditWords } from "../../components/admin/auditSentence";
import type { AuditRow } from "../../lib/data/audit";

const t = createTranslator({ locale: "zh-CN", messages, namespace: "Audit" }) as unknown as AuditWords;
const base = { id: "x", at: "2026-11-22T04:00:00.000Z", actor: "湘西州科技局管理员（xiangxi-admin）", reason: null } as const;

describe("audit sentences", () => {
  it("says who changed which figure from what to what, and why", () => {
    const row: AuditRow = {
      ...base,
      entity: "Fill",
      action: "UPDATE",
      label: "",
      before: "1.20",
      after: "1.35",
      reason: "县局电话报送",
      fill: { region: "保靖县", indicator: "全社会研发经费投入", unit: "亿元", year: 2026, month: 10, oldStatus: "SUBMITTED", newStatus: "SUBMITTED" },
    };
    expect(auditSentence(row, t)).toBe("湘西州科技局管理员（xiangxi-admin）将保靖县2026年10月“全社会研发经费投入”由 1.20 改为 1.35 亿元。原因：县局电话报送");
  });

  it("names a bulletin by its title and leaves recorded hashes out", () => {
    const row: AuditRow = { ...base, entity: "Bulletin", action: "bulletin.generate", label: "2026年10月科技创新指标通报", before: null, after: { title: "2026年10月科技创新指标通报", dataHash: "cmx7a" } };
    const sentence = auditSentence(row, t);
    expect(sentence).toBe("湘西州科技局管理员（xiangxi-admin）生成了通报《2026年10月科技创新指标通报》。");
    expect(sentence).not.toMatch(/cmx7a|\{|bulletin\./);
  });

  it("lists the figures entered on a region's behalf", () => {
    const row: AuditRow = {
      ...base,
      entity: "Fill",
      action: "fill.enterOnBehalf",
      label: "保靖县 · 2026年11月",
      before: [{ indicator: "全社会研发经费投入", value: null }],
      after: [{ indicator: "全社会研发经费投入", value: "3.3" }],
      reason: "电话报送",
    };
    expect(auditSentence(row, t)).toBe("湘西州科技局管理员（xiangxi-admin）代保靖县 · 2026年11月填报或更正了数据：全社会研发经费投入 — → 3.3。原因：电话报送");
  });

  it("names changed fields of a record in words", () => {
    const row: AuditRow = { ...base, entity: "User", action: "user.update", label: "张三", before: { name: "张三", role: "REPORTER", regionId: "r1" }, after: { name: "张三丰", role: "REPORTER", regionId: "r2" } };
    expect(auditSentence(row, t)).toBe("湘西州科技局管理员（xiangxi-admin）修改了用户“张三”：名称：张三 → 张三丰。");
  });
});
