-- Compact Drafter in a real Neovim (0.7, Debian's), headless. Run by test/interop/run.mjs:
--   nvim --headless --clean -c "luafile test/interop/nvim.lua"
-- with compact-drafter-ls on PATH (or CD_SERVER, a server's bin), CD_DRAFT (a copy of examples/flagged-draft.md in a scratch folder)
-- and CD_OUT (where the JSON record of what Neovim showed is written). The server is started as the
-- README's "Other editors" section says for 0.7 (vim.lsp.start_client); every step goes through
-- Neovim's own LSP client: vim.diagnostic, the hover float, omnifunc completion typed in insert mode,
-- vim.lsp.buf.code_action, vim.lsp.buf.definition.
local record = {}
local function note(key, value) table.insert(record, { key, value }) end
local function finish()
  local object = {}
  for _, entry in ipairs(record) do object[entry[1]] = entry[2] end
  vim.fn.writefile({ vim.fn.json_encode(object) }, os.getenv('CD_OUT'))
  vim.cmd('qall!')
end

-- The steps run in a coroutine: between them Neovim's loop runs (server messages, typed keys, timers).
local co
local function sleep(ms)
  vim.defer_fn(function()
    local ok, err = coroutine.resume(co)
    if not ok then
      note('error', tostring(err))
      finish()
    end
  end, ms)
  coroutine.yield()
end
local function wait(what, condition, ms)
  local deadline = vim.loop.now() + ms
  while not condition() do
    if vim.loop.now() > deadline then
      note('timeout', what)
      return false
    end
    sleep(50)
  end
  return true
end
local function keys(text) vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(text, true, false, true), 'n', false) end
local function cursor_on(needle, delta)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i, line in ipairs(lines) do
    local at = line:find(needle, 1, true)
    if at then
      vim.api.nvim_win_set_cursor(0, { i, at - 1 + (delta or 0) })
      return line
    end
  end
  error('not in the draft: ' .. needle)
end
local function floating_lines()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), win
    end
  end
end

-- As the README says for Neovim 0.7: one client for every Markdown buffer.
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    client_id = client_id or vim.lsp.start_client({
      name = 'compact-drafter',
      -- compact-drafter-ls on PATH, as installed from the package; CD_SERVER: another build's bin.
      cmd = os.getenv('CD_SERVER') and { 'node', os.getenv('CD_SERVER'), '--stdio' } or { 'compact-drafter-ls', '--stdio' },
      root_dir = vim.fn.getcwd(), -- run.mjs starts Neovim in the draft's folder
      init_options = { settings = { corpus = { paths = { 'corpus' } }, diagnostics = { superseded = 'error' } } },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

co = coroutine.create(function()
  local version = vim.version()
  note('client', string.format('Neovim %d.%d.%d', version.major, version.minor, version.patch))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CD_DRAFT')))
  local draft = vim.api.nvim_get_current_buf()

  -- 1. Diagnostics, as vim.diagnostic holds them.
  wait('diagnostics', function() return #vim.diagnostic.get(draft) > 0 end, 30000)
  -- The LSP code, where Neovim keeps it (0.7: user_data.lsp.code; later also d.code).
  local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '' end
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(draft)) do table.insert(shown, string.format('%d: [%s] %s', d.lnum + 1, code(d), d.message)) end
  table.sort(shown, function(a, b) return tonumber(a:match('^%d+')) < tonumber(b:match('^%d+')) end)
  note('diagnostics', shown)
  for _, d in ipairs(vim.diagnostic.get(draft)) do
    if code(d) == 'superseded' then note('supersededType', vim.diagnostic.severity[d.severity]) end
  end

  -- 2. Hover: the lines of the float Neovim opens.
  cursor_on('resolution 71/280', 14)
  vim.lsp.buf.hover()
  wait('the hover float', function() return floating_lines() ~= nil end, 10000)
  local lines, win = floating_lines()
  note('hover', table.concat(lines or {}, '\n'))
  if win then vim.api.nvim_win_close(win, true) end
  cursor_on('A/68/283, para. 91', 4)
  vim.lsp.buf.hover()
  wait('the pinpoint hover float', function() return floating_lines() ~= nil end, 10000)
  lines, win = floating_lines()
  note('hoverPinpoint', table.concat(lines or {}, '\n'))
  if win then vim.api.nvim_win_close(win, true) end

  cursor_on('A/99/1, para. 1', 3)
  vim.lsp.buf.hover()
  wait('the corpus hover float', function() return floating_lines() ~= nil end, 10000)
  lines, win = floating_lines()
  note('hoverCorpus', table.concat(lines or {}, '\n'))
  if win then vim.api.nvim_win_close(win, true) end

  -- 3. Completion after "resolution 71/", typed: omnifunc (CTRL-X CTRL-O), then CTRL-N to the item and CTRL-Y.
  vim.bo[draft].omnifunc = 'v:lua.vim.lsp.omnifunc'
  vim.api.nvim_buf_set_lines(draft, -1, -1, false, { '', '*Recalling* its resolution 71/' })
  vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(draft), 0 })
  keys('A<C-x><C-o>')
  wait('the completion menu', function() return vim.fn.pumvisible() == 1 end, 10000)
  local items = vim.fn.complete_info({ 'items' }).items or {}
  local words, index = {}, nil
  for i, item in ipairs(items) do
    table.insert(words, item.word)
    if not index and item.word:find('280', 1, true) then index = i end
  end
  note('completionCandidates', words)
  -- With the default 'completeopt' the first item is already selected (0-based; -1: none).
  local selected = vim.fn.complete_info({ 'selected' }).selected
  keys(string.rep('<C-n>', (index or 1) - 1 - selected) .. '<C-y><Esc>')
  wait('normal mode after completing', function() return vim.api.nvim_get_mode().mode == 'n' end, 5000)
  note('completedLine', vim.api.nvim_get_current_line())

  -- 4. A quick fix on "A/Res/72/244": vim.lsp.buf.code_action, the menu answered with that fix.
  vim.ui.select = function(choices, _, on_choice)
    local titles = {}
    for _, choice in ipairs(choices) do table.insert(titles, choice[2].title) end
    note('codeActions', titles)
    for i, choice in ipairs(choices) do
      if choice[2].title:find('A/RES/72/244', 1, true) then return on_choice(choice, i) end
    end
    on_choice(nil)
  end
  local before = cursor_on('A/Res/72/244')
  vim.lsp.buf.code_action()
  wait('the fix applied', function() return vim.api.nvim_get_current_line() ~= before end, 10000)
  note('fixedLine', vim.api.nvim_get_current_line())

  -- 5. Go to definition from "A/68/283, para. 91" into the bundled text.
  cursor_on('A/68/283, para. 91', 2)
  vim.lsp.buf.definition()
  wait('the bundled text', function() return vim.api.nvim_get_current_buf() ~= draft end, 10000)
  note('definitionFile', vim.api.nvim_buf_get_name(0))
  note('definitionLine', vim.api.nvim_get_current_line())
  -- The bundled text is adopted language to read: no findings on it (given time to arrive).
  sleep(1500)
  note('definitionDiagnostics', #vim.diagnostic.get(0))
  finish()
end)

local ok, err = coroutine.resume(co)
if not ok then
  note('error', tostring(err))
  finish()
end
-- Whatever happens, the run ends.
vim.defer_fn(function()
  note('error', 'gave up after 90 s')
  finish()
end, 90000)
