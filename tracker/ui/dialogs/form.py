"""A record form that validates as you type and shows each refusal next to its field.

Fields are checked with the same pure domain parsers the services use; the
service's ``ValidationError.field`` decides where a refusal is shown.  The form
only calls ``submit`` (which goes through an undo command and one service
transaction) when the user presses OK; if that raises, the dialog stays open
and nothing was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError, ValidationError
from tracker.ui import messages, theming
from tracker.ui.dialogs.date_picker import DATE_HINT, attach_calendar
from tracker.ui.dialogs.field_help import field_description

Check = Callable[[str], object]
Submit = Callable[[dict[str, str]], object]


class Editor(Enum):
    LINE = auto()
    CHOICE = auto()
    MULTILINE = auto()


@dataclass(frozen=True, slots=True)
class Field:
    key: str  # the input key the services read (tracker CSV column name)
    label: str
    editor: Editor = Editor.LINE
    choices: Mapping[str, str] = field(default_factory=dict)  # code -> label
    placeholder: str = ""
    check: Check | None = None  # a pure parser that raises ValidationError
    hint: str = ""  # shown under the field in grey
    numeric: bool = False  # a quantity: typed and shown right-aligned
    description: str = ""  # for screen readers; empty: the hint, else the key's own


def widen_to_fit(dialog: QWidget) -> None:
    """Widen a dialog just shown to its preferred width (within the screen), so every
    choice is shown whole: Qt opens a dialog at most 2/3 of the screen wide."""
    layout = dialog.layout()
    if layout is None:
        return
    wanted = min(layout.totalSizeHint().width(), dialog.screen().availableGeometry().width())
    if wanted > dialog.width():
        dialog.resize(wanted, dialog.height())


def grow_to_fit(dialog: QWidget) -> None:
    """Grow a shown dialog (never shrink it) so every wrapped message is read in full."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return
    layout.activate()
    needed = max(layout.totalHeightForWidth(dialog.width()), layout.totalMinimumSize().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def _literally(text: str) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` replacement that puts ``text`` in as it is (no backslash escapes)."""
    return lambda _match: text


class RecordDialog(QDialog):
    """Subclasses give the fields and ``check_record`` (the whole-record parser)."""

    def __init__(
        self,
        title: str,
        fields: list[Field],
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.submit: Submit | None = None
        self.fields = {f.key: f for f in fields}
        self.editors: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._ready = False  # editors report edits only once the form is built
        self._shown = False

        layout = QVBoxLayout(self)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("error_general")
        self.general_error.setStyleSheet(theming.style("error"))
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        for f in fields:
            self.form.addRow(f.label, self._field_widget(f))
        self.extra = QVBoxLayout()  # subclasses add previews here
        layout.addLayout(self.extra)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)  # room left by a cleared refusal stays below the form
        layout.addWidget(self.buttons)
        self.set_values(values or {})
        self._ready = True

    # --- values ------------------------------------------------------------------------

    def value(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def values(self) -> dict[str, str]:
        return {key: self.value(key) for key in self.editors}

    def set_value(self, key: str, text: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            found = editor.findData(text)
            editor.setCurrentIndex(found if found >= 0 else 0)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def set_values(self, values: Mapping[str, str]) -> None:
        for key, text in values.items():
            if key in self.editors:
                self.set_value(key, text)
        self._touched.clear()
        self.show_errors({})

    # --- validation --------------------------------------------------------------------

    def check_record(self, values: dict[str, str]) -> None:
        """Raise ValidationError for the first bad field (the domain's *_from_input)."""

    def errors(self, every_field: bool) -> dict[str, str]:
        """Refusals by field: for the fields typed into so far, or for every field."""
        values = self.values()
        wanted = set(self.editors) if every_field else self._touched
        found: dict[str, str] = {}
        for key in wanted:
            check = self.fields[key].check
            if check is None:
                continue
            try:
                check(values[key])
            except ValidationError as exc:
                found[key] = messages.reason(exc)
        try:
            self.check_record(values)
        except ValidationError as exc:
            if exc.field in wanted and exc.field not in found:
                found[exc.field] = messages.reason(exc)
            elif every_field and exc.field not in self.editors:
                found[""] = messages.error(exc)
        return found

    def revalidate(self) -> None:
        self.show_errors(self.errors(every_field=False))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for key, label in self.error_labels.items():
            reason = errors.get(key, "")
            label.setText(self._sentence(key, reason) if reason else "")
            label.setVisible(bool(reason))
        general = errors.get("", "")
        self.general_error.setText(self._in_plain_words(general))
        self.general_error.setVisible(bool(general))
        self._fit_height()

    def _fit_height(self) -> None:
        grow_to_fit(self)

    def show_refusal(self, exc: TrackerError) -> None:
        """Put a service's refusal next to its field, else above the form."""
        if isinstance(exc, ValidationError) and exc.field in self.error_labels:
            self.show_errors({exc.field: messages.reason(exc)})
            self.editors[exc.field].setFocus()
        else:
            self.show_errors({"": messages.error(exc)})

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            widen_to_fit(self)
            self._fit_height()  # hints wrapped at the dialog's width need their lines
            self.focus_first_empty()

    def accept(self) -> None:
        errors = self.errors(every_field=True)
        if errors:
            self.show_errors(errors)
            return
        try:
            if self.submit is not None:
                self.submit(self.values())
        except TrackerError as exc:
            self.show_refusal(exc)
            return
        super().accept()

    # --- widgets -----------------------------------------------------------------------

    def _sentence(self, key: str, reason: str) -> str:
        label = self.fields[key].label if key in self.fields else key
        return self.tr("{field} {reason}").format(field=label, reason=self._in_plain_words(reason))

    def _in_plain_words(self, text: str) -> str:
        """Name other fields of this form by their labels, not their column names."""
        for key, f in self.fields.items():
            if "_" in key:
                quoted = self.tr("\u201c{label}\u201d").format(label=f.label)
                text = re.sub(rf"\b{re.escape(key)}\b", _literally(quoted), text)
        return text

    def focus_first_empty(self) -> None:
        """Put the cursor in the first enabled field still to fill (else the first one)."""
        enabled = [e for e in self.editors.values() if e.isEnabled()]
        for editor in enabled:
            if isinstance(editor, QLineEdit) and not editor.text():
                editor.setFocus()
                return
        if enabled:
            enabled[0].setFocus()

    def _field_widget(self, f: Field) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor: QLineEdit | QComboBox | QPlainTextEdit
        if f.editor is Editor.CHOICE:
            editor = QComboBox(box)
            for code, label in f.choices.items():
                editor.addItem(label, code)
            editor.currentIndexChanged.connect(lambda _i, key=f.key: self._edited(key))
        elif f.editor is Editor.MULTILINE:
            editor = QPlainTextEdit(box)
            editor.setFixedHeight(60)
            editor.setTabChangesFocus(True)  # Tab leaves the field, as in every other one
            editor.textChanged.connect(lambda key=f.key: self._edited(key))
        else:
            editor = QLineEdit(box)
            editor.setPlaceholderText(f.placeholder)
            if f.numeric:
                editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.textEdited.connect(lambda _t, key=f.key: self._edited(key))
            if f.placeholder == DATE_HINT:
                attach_calendar(editor)
        editor.setObjectName(f"field_{f.key}")
        editor.setAccessibleName(f.label)
        description = f.description or f.hint or field_description(f.key)
        if description:
            editor.setAccessibleDescription(description)
        column.addWidget(editor)
        if f.hint:
            hint = QLabel(f.hint, box)
            hint.setStyleSheet(theming.style("muted"))
            hint.setWordWrap(True)
            column.addWidget(hint)
        error = QLabel(box)
        error.setObjectName(f"error_{f.key}")
        error.setStyleSheet(theming.style("error"))
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        column.addWidget(error)
        self.editors[f.key] = editor
        self.error_labels[f.key] = error
        return box

    def _edited(self, key: str) -> None:
        if not self._ready:
            return
        self._touched.add(key)
        self.revalidate()
        self.on_edited(key)

    def on_edited(self, key: str) -> None:
        """Hook for subclasses (e.g. refresh a preview)."""
