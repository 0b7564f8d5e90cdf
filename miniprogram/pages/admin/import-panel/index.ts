/**
 * Importing the roster (admin.members.import) from a table pasted out of a spreadsheet, or from a
 * .csv sent in a chat. The sheet is read here (header row, Chinese labels → ids) and shown before
 * anything is sent; the server's per-row errors come back by sheet line; the invite codes of the
 * imported members can be copied, one line per member (姓名 邀请码), to share.
 */
import type { DataOf, SchemeTerms } from '../../../../typings/api';
import { ApiCallError, call, newRequestId } from '../../../services/api';
import { categoryName, rootMembers } from '../../../format/terms';
import { rolesText } from '../roster-labels';
import { parseRosterSheet, rosterHint, sheetLineOf, type ParsedSheet, type SheetError } from '../roster-table';

/** admin.members.import takes at most this many rows at once. */
const MOST_ROWS = 1000;
const PREVIEW_ROWS = 20;

interface PreviewRow {
  line: number;
  name: string;
  detail: string;
}

interface Outcome {
  created: number;
  updated: number;
  errors: SheetError[];
  members: DataOf<'admin.members.import'>['members'];
}

const sheets = new WeakMap<object, { sheet: ParsedSheet | null; requestId: string | null }>();

function stateOf(panel: object) {
  let state = sheets.get(panel);
  if (!state) sheets.set(panel, (state = { sheet: null, requestId: null }));
  return state;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  console.error('import-panel: unexpected failure', error);
  return '导入失败，请稍后重试';
}

Component({
  options: { styleIsolation: 'apply-shared' },

  properties: {
    /** The scheme's words (from the member list, the page's first call). */
    terms: { type: Object, value: null as unknown as SchemeTerms },
  },

  data: {
    text: '',
    fileName: '',
    checked: false,
    rowCount: 0,
    errors: [] as SheetError[],
    preview: [] as PreviewRow[],
    fileMessage: '',
    sending: false,
    outcome: null as Outcome | null,
    sendError: '',
    hint: '',
    memberWord: '会员',
  },

  observers: {
    terms(terms: SchemeTerms | null) {
      if (terms) this.setData({ hint: rosterHint(terms), memberWord: terms.words.member });
    },
  },

  methods: {
    onTextInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      stateOf(this).sheet = null;
      this.setData({ text: event.detail.value, fileName: '', checked: false, outcome: null, sendError: '' });
    },

    async onCheck() {
      await this.check(this.data.text);
    },

    /** The scheme's words: given by the page, or asked for once when the sheet is checked first. */
    async termsOf(): Promise<SchemeTerms> {
      const given = this.properties.terms as SchemeTerms | null;
      if (given) return given;
      return (await call('me.get', {})).terms;
    },

    async check(text: string) {
      const state = stateOf(this);
      let terms: SchemeTerms;
      try {
        terms = await this.termsOf();
      } catch (error) {
        this.setData({ sendError: messageOf(error) });
        return;
      }
      const sheet = parseRosterSheet(text, terms);
      state.sheet = sheet;
      state.requestId = null;
      const errors = [...sheet.errors];
      if (sheet.rows.length > MOST_ROWS) errors.push({ line: 1, message: `一次最多导入 ${MOST_ROWS} 名${terms.words.member}，请分批导入` });
      this.setData({
        checked: true,
        rowCount: sheet.rows.length,
        errors,
        preview: sheet.rows.slice(0, PREVIEW_ROWS).map((row, i) => ({
          line: sheet.lines[i],
          name: row.name || '（缺姓名）',
          detail: [row.branch ?? rootMembers(terms), categoryName(terms, row.category ?? null) ?? '', rolesText(row.roles ?? [], terms)].filter(Boolean).join(' · '),
        })),
        outcome: null,
        sendError: '',
      });
    },

    async onChooseFile() {
      let file: WechatMiniprogram.ChooseFile;
      try {
        const chosen = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
        file = chosen.tempFiles[0];
      } catch (error) {
        // Closing the chat picker is not a failure worth a message.
        console.warn('import-panel: no file chosen', error);
        return;
      }
      if (!file) return;
      if (/\.xlsx$/i.test(file.name)) {
        this.setData({ fileName: file.name, fileMessage: '暂不能直接读取 Excel 文件：请在 Excel 中另存为“CSV UTF-8”后发送，或全选表格复制后粘贴到上方' });
        return;
      }
      wx.getFileSystemManager().readFile({
        filePath: file.path,
        encoding: 'utf8',
        success: ({ data }) => {
          const text = String(data);
          // GBK text read as UTF-8 turns into replacement characters.
          if (text.includes('\uFFFD')) {
            this.setData({ fileName: file.name, fileMessage: '文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”后重新发送' });
            return;
          }
          this.setData({ text, fileName: file.name, fileMessage: '' });
          this.check(text);
        },
        fail: (error) => {
          console.error('import-panel: could not read the file', error);
          this.setData({ fileName: file.name, fileMessage: '读取文件失败，请重新选择' });
        },
      });
    },

    async onImport() {
      const state = stateOf(this);
      const sheet = state.sheet;
      if (!sheet || this.data.errors.length > 0 || sheet.rows.length === 0 || this.data.sending) return;
      const member = this.data.memberWord;
      const { confirm } = await wx.showModal({ title: `导入${member}`, content: `导入 ${sheet.rows.length} 名${member}？已有${member}按手机号或姓名更新。`, confirmText: '导入' });
      if (!confirm) return;
      state.requestId = state.requestId ?? newRequestId();
      this.setData({ sending: true, sendError: '' });
      try {
        const result = await call('admin.members.import', { rows: sheet.rows }, { requestId: state.requestId });
        state.requestId = null;
        this.setData({
          outcome: {
            created: result.created,
            updated: result.updated,
            errors: result.errors.map((e) => ({ line: sheetLineOf(sheet, e.row), message: e.message })),
            members: result.members,
          },
        });
      } catch (error) {
        if (!(error instanceof ApiCallError && error.code === 'INTERNAL')) state.requestId = null;
        this.setData({ sendError: messageOf(error) });
      } finally {
        this.setData({ sending: false });
      }
    },

    onCopyCodes() {
      const members = this.data.outcome?.members ?? [];
      if (members.length === 0) return;
      wx.setClipboardData({ data: members.map((m) => `${m.name} ${m.inviteCode}`).join('\n') });
    },
  },
});
