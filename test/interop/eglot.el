;;; eglot.el --- Compact Drafter in a real Emacs with Eglot, in batch mode  -*- lexical-binding: t; -*-
;;
;; Run by test/interop/run.mjs:
;;   emacs --batch -q -l test/interop/eglot.el   (-q, not -Q: Debian activates its elpa-* packages in site-start)
;; with compact-drafter-ls on PATH (or CD_SERVER, a server's bin), CD_DRAFT (a copy of examples/flagged-draft.md in a scratch
;; folder) and CD_OUT (where the JSON record of what Eglot showed is written). The server is configured
;; as the README's "Other editors" section says; each step goes through Eglot's own functions: flymake
;; for diagnostics, the hover text as eldoc receives it, completion-at-point's table and exit function,
;; eglot-code-actions, xref-find-definitions.

(require 'markdown-mode)
(require 'eglot)
(require 'json)
(require 'subr-x)

(defvar cd-record nil "What Eglot showed, step by step (an alist written as JSON).")
(defun cd-note (key value) (push (cons key value) cd-record))
(defun cd-write ()
  (with-temp-file (getenv "CD_OUT") (insert (json-encode (reverse cd-record)))))
(defun cd-wait (what predicate seconds)
  "Let Emacs read the server's messages until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (unless value (cd-note "timeout" what))
    value))

(let ((draft (getenv "CD_DRAFT")))
  ;; No VCS here: Eglot takes the draft's folder as the project, where corpus/ is.
  ;; As the README says: markdown-mode and gfm-mode buffers go to compact-drafter-ls.
  (add-to-list 'eglot-server-programs
               `((markdown-mode gfm-mode) . (,@(if (getenv "CD_SERVER") (list "node" (getenv "CD_SERVER")) '("compact-drafter-ls"))
                                             "--stdio"
                                             :initializationOptions (:settings (:corpus (:paths ["corpus"]))))))
  ;; and the settings (VS Code's compactDrafter.* section): superseded citations as errors.
  (setq-default eglot-workspace-configuration '((:compactDrafter . (:diagnostics (:superseded "error")))))
  (setq eglot-sync-connect 30)
  (find-file draft)
  (markdown-mode)
  ;; Debian installs each package in a folder named after its version ("eglot-1.9").
  (cd-note "client" (format "Emacs %s, %s, %s" emacs-version
                            (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot"))))
                            (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "markdown-mode"))))))
  (condition-case err
      (progn
        (apply #'eglot (eglot--guess-contact))
        (cd-note "server" (plist-get (eglot--server-info (eglot-current-server)) :name))

        ;; 1. Diagnostics, as flymake holds them.
        (cd-wait "diagnostics" (lambda () (flymake-start) (flymake-diagnostics)) 30)
        (cd-note "diagnostics"
                 (mapcar (lambda (d) (format "%d: %s" (line-number-at-pos (flymake-diagnostic-beg d))
                                             (flymake-diagnostic-text d)))
                         (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

        ;; The settings arrive after the first diagnostics: wait for the superseded citation to turn error.
        (let ((superseded (lambda () (seq-find (lambda (d) (string-match-p "\\[superseded\\]" (flymake-diagnostic-text d))) (flymake-diagnostics)))))
          (cd-wait "superseded as an error" (lambda () (flymake-start) (eq (flymake-diagnostic-type (funcall superseded)) 'eglot-error)) 10)
          (cd-note "supersededType" (symbol-name (flymake-diagnostic-type (funcall superseded)))))

        ;; 2. Hover on "resolution 71/280", the text eldoc is given (markdown-mode's rendering).
        (goto-char (point-min))
        (search-forward "resolution 71/280")
        (backward-char 3)
        (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
          (cd-note "hover" (substring-no-properties (eglot--hover-info (plist-get hover :contents) (plist-get hover :range)))))
        ;; and on the pinpoint into A/68/283, whose paragraph text is quoted.
        (goto-char (point-min))
        (search-forward "A/68/283, para. 91")
        (backward-char 4)
        (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
          (cd-note "hoverPinpoint" (substring-no-properties (eglot--hover-info (plist-get hover :contents) (plist-get hover :range)))))

        ;; and on a workspace corpus text with brackets, underscores and "&": markdown-mode shows every backslash.
        (goto-char (point-min))
        (search-forward "A/99/1, para. 1")
        (backward-char 3)
        (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
          (cd-note "hoverCorpus" (substring-no-properties (eglot--hover-info (plist-get hover :contents) (plist-get hover :range)))))

        ;; 3. Completion after "resolution 71/": completion-at-point's table, then its exit function
        ;; (where Eglot applies the item's textEdit), as choosing a candidate does.
        (goto-char (point-max))
        (insert "\n*Recalling* its resolution 71/")
        (let* ((capf (eglot-completion-at-point))
               (beg (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
               (exit (plist-get (nthcdr 3 capf) :exit-function))
               (candidates (all-completions (buffer-substring-no-properties beg end) table))
               (chosen (seq-find (lambda (c) (string-match-p "280" c)) candidates)))
          (cd-note "completionCandidates" candidates)
          (when chosen
            (delete-region beg end)
            (goto-char beg)
            (insert chosen)
            (funcall exit chosen 'finished)
            (cd-note "completedLine" (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

        ;; and a drafting snippet at the start of a paragraph: Eglot without yasnippet inserts text as is.
        (goto-char (point-max))
        (insert "\n\n5. *Urg")
        (let* ((capf (eglot-completion-at-point))
               (beg (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
               (exit (plist-get (nthcdr 3 capf) :exit-function))
               (chosen (seq-find (lambda (c) (string-prefix-p "Urges" c)) (all-completions "" table))))
          (when chosen
            (delete-region beg end)
            (goto-char beg)
            (insert chosen)
            (funcall exit chosen 'finished)
            (cd-note "snippetLine" (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

        ;; 4. A quick fix: the malformed "A/Res/72/244", through eglot-code-actions.
        (goto-char (point-min))
        (search-forward "A/Res/72/244")
        (let ((beg (match-beginning 0)) (end (match-end 0)))
          (goto-char beg)
          (cd-wait "the diagnostic on A/Res/72/244" (lambda () (flymake-diagnostics beg end)) 10)
          (let ((titles (mapcar (lambda (a) (plist-get a :title)) (eglot-code-actions beg end "quickfix"))))
            (cd-note "codeActions" titles)
            ;; Two actions: Eglot asks with completing-read (a popup menu when the last event was a
            ;; mouse click or nothing, as in batch mode), answered here as a user would.
            (cl-letf ((last-nonmenu-event ?\r)
                      ((symbol-function 'completing-read)
                       (lambda (_prompt collection &rest _)
                         (seq-find (lambda (title) (string-match-p "A/RES/72/244" title))
                                   (mapcar (lambda (c) (if (consp c) (car c) c)) collection)))))
              (eglot-code-actions beg end "quickfix" t)))
          (cd-note "fixedLine" (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

        ;; 5. Go to definition from "A/68/283, para. 91" into the bundled text.
        (goto-char (point-min))
        (search-forward "A/68/283, para. 91")
        (backward-char 12)
        (let ((xref-prompt-for-identifier nil))
          (call-interactively #'xref-find-definitions))
        (cd-note "definitionFile" (buffer-file-name))
        (cd-note "definitionLine" (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
    (error (cd-note "error" (error-message-string err))))
  (cd-write)
  (ignore-errors (let ((server (eglot-current-server))) (when server (eglot-shutdown server))))
  (kill-emacs 0))
