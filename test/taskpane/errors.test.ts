import { translator } from "../../src/i18n";
import { describeError } from "../../src/taskpane/errors";

const t = translator("zh-CN");
const office = (code: string, message = "x") =>
  Object.assign(new Error(message), { code, name: "RichApi.Error" });

describe("describeError", () => {
  it("tells the user what to do for known Excel errors", () => {
    expect(describeError(office("InvalidOperationInCellEditMode"), t).text).toContain(
      "按 Enter 或 Esc 结束编辑后重试",
    );
    expect(describeError(office("RequestPayloadSizeLimitExceeded"), t).text).toContain("数据过多");
    expect(describeError(office("ItemAlreadyExists"), t).text).toContain("同名");
    expect(describeError(office("AccessDenied"), t).text).toContain("撤销保护");
    expect(describeError(office("InvalidOperation", "The sheet is protected"), t).text).toContain("撤销保护");
    expect(describeError(office("ApiNotFound"), t).text).toContain("更新 Office");
  });

  it("falls back to the code and message for other Excel errors", () => {
    const e = describeError(office("InvalidOperation", "Boom"), t);
    expect(e.text).toBe(
      "Excel 操作失败（错误代码 InvalidOperation）：Boom。请保存工作簿后重试；如仍失败，请把错误代码告知管理员。",
    );
    expect(e.code).toBe("InvalidOperation");
  });

  it("handles errors without a code", () => {
    expect(describeError(new Error("断网了"), t)).toEqual({
      text: "出现错误：断网了。请重试；如仍失败，请把此信息告知管理员。",
    });
    expect(describeError("plain", t).text).toContain("plain");
  });
});
