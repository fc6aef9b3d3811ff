# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QStackedWidget,
    QTabWidget, QTableView, QToolButton, QVBoxLayout,
    QWidget)
from . import resources_rc

class Ui_TaskEditor(object):
    def setupUi(self, TaskEditor):
        if not TaskEditor.objectName():
            TaskEditor.setObjectName(u"TaskEditor")
        TaskEditor.resize(640, 720)
        self.main_layout = QVBoxLayout(TaskEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(6, 4, 6, 4)
        self.title_label = QLabel(TaskEditor)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)
        font = QFont()
        font.setPointSize(11)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.title_label)

        self.review_label = QLabel(TaskEditor)
        self.review_label.setObjectName(u"review_label")
        self.review_label.setWordWrap(True)

        self.main_layout.addWidget(self.review_label)

        self.tabs = QTabWidget(TaskEditor)
        self.tabs.setObjectName(u"tabs")
        self.content_tab = QWidget()
        self.content_tab.setObjectName(u"content_tab")
        self.content_layout = QVBoxLayout(self.content_tab)
        self.content_layout.setObjectName(u"content_layout")
        self.content_layout.setContentsMargins(0, 4, 0, 0)
        self.stack = QStackedWidget(self.content_tab)
        self.stack.setObjectName(u"stack")
        self.empty_page = QWidget()
        self.empty_page.setObjectName(u"empty_page")
        self.empty_layout = QVBoxLayout(self.empty_page)
        self.empty_layout.setObjectName(u"empty_layout")
        self.empty_label = QLabel(self.empty_page)
        self.empty_label.setObjectName(u"empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.empty_layout.addWidget(self.empty_label)

        self.stack.addWidget(self.empty_page)
        self.node_page = QWidget()
        self.node_page.setObjectName(u"node_page")
        self.node_form = QFormLayout(self.node_page)
        self.node_form.setObjectName(u"node_form")
        self.node_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.node_number_caption = QLabel(self.node_page)
        self.node_number_caption.setObjectName(u"node_number_caption")

        self.node_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.node_number_caption)

        self.node_number_value = QLabel(self.node_page)
        self.node_number_value.setObjectName(u"node_number_value")
        self.node_number_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.node_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.node_number_value)

        self.node_text_caption = QLabel(self.node_page)
        self.node_text_caption.setObjectName(u"node_text_caption")

        self.node_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.node_text_caption)

        self.node_text_edit = QPlainTextEdit(self.node_page)
        self.node_text_edit.setObjectName(u"node_text_edit")
        self.node_text_edit.setTabChangesFocus(True)

        self.node_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.node_text_edit)

        self.appendix_lead_caption = QLabel(self.node_page)
        self.appendix_lead_caption.setObjectName(u"appendix_lead_caption")

        self.node_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.appendix_lead_caption)

        self.appendix_lead_edit = QLineEdit(self.node_page)
        self.appendix_lead_edit.setObjectName(u"appendix_lead_edit")

        self.node_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.appendix_lead_edit)

        self.stack.addWidget(self.node_page)
        self.task_page = QWidget()
        self.task_page.setObjectName(u"task_page")
        self.task_page_layout = QVBoxLayout(self.task_page)
        self.task_page_layout.setObjectName(u"task_page_layout")
        self.task_page_layout.setContentsMargins(0, 0, 0, 0)
        self.task_scroll = QScrollArea(self.task_page)
        self.task_scroll.setObjectName(u"task_scroll")
        self.task_scroll.setWidgetResizable(True)
        self.task_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.task_scroll_content = QWidget()
        self.task_scroll_content.setObjectName(u"task_scroll_content")
        self.task_form = QFormLayout(self.task_scroll_content)
        self.task_form.setObjectName(u"task_form")
        self.task_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.task_form.setContentsMargins(4, 4, 4, 4)
        self.task_title_caption = QLabel(self.task_scroll_content)
        self.task_title_caption.setObjectName(u"task_title_caption")

        self.task_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.task_title_caption)

        self.task_title_edit = QPlainTextEdit(self.task_scroll_content)
        self.task_title_edit.setObjectName(u"task_title_edit")
        self.task_title_edit.setTabChangesFocus(True)
        self.task_title_edit.setMaximumSize(QSize(16777215, 72))

        self.task_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.task_title_edit)

        self.products_caption = QLabel(self.task_scroll_content)
        self.products_caption.setObjectName(u"products_caption")

        self.task_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.products_caption)

        self.products_row = QWidget(self.task_scroll_content)
        self.products_row.setObjectName(u"products_row")
        self.products_layout = QHBoxLayout(self.products_row)
        self.products_layout.setObjectName(u"products_layout")
        self.products_layout.setContentsMargins(0, 0, 0, 0)
        self.products_view = QListView(self.products_row)
        self.products_view.setObjectName(u"products_view")
        self.products_view.setMaximumSize(QSize(16777215, 96))

        self.products_layout.addWidget(self.products_view)

        self.products_buttons = QVBoxLayout()
        self.products_buttons.setObjectName(u"products_buttons")
        self.products_buttons.setContentsMargins(0, 0, 0, 0)
        self.add_product_button = QToolButton(self.products_row)
        self.add_product_button.setObjectName(u"add_product_button")
        icon = QIcon()
        icon.addFile(u":/icons/action-add.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.add_product_button.setIcon(icon)

        self.products_buttons.addWidget(self.add_product_button)

        self.remove_product_button = QToolButton(self.products_row)
        self.remove_product_button.setObjectName(u"remove_product_button")
        icon1 = QIcon()
        icon1.addFile(u":/icons/action-remove.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.remove_product_button.setIcon(icon1)

        self.products_buttons.addWidget(self.remove_product_button)

        self.products_buttons_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.products_buttons.addItem(self.products_buttons_spacer)


        self.products_layout.addLayout(self.products_buttons)


        self.task_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.products_row)

        self.agencies_caption = QLabel(self.task_scroll_content)
        self.agencies_caption.setObjectName(u"agencies_caption")

        self.task_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agencies_caption)

        self.agencies_row = QWidget(self.task_scroll_content)
        self.agencies_row.setObjectName(u"agencies_row")
        self.agencies_layout = QHBoxLayout(self.agencies_row)
        self.agencies_layout.setObjectName(u"agencies_layout")
        self.agencies_layout.setContentsMargins(0, 0, 0, 0)
        self.agencies_view = QTableView(self.agencies_row)
        self.agencies_view.setObjectName(u"agencies_view")
        self.agencies_view.setAlternatingRowColors(True)
        self.agencies_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agencies_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agencies_view.setMaximumSize(QSize(16777215, 130))

        self.agencies_layout.addWidget(self.agencies_view)

        self.agencies_buttons = QVBoxLayout()
        self.agencies_buttons.setObjectName(u"agencies_buttons")
        self.agencies_buttons.setContentsMargins(0, 0, 0, 0)
        self.add_agency_button = QToolButton(self.agencies_row)
        self.add_agency_button.setObjectName(u"add_agency_button")
        self.add_agency_button.setIcon(icon)

        self.agencies_buttons.addWidget(self.add_agency_button)

        self.remove_agency_button = QToolButton(self.agencies_row)
        self.remove_agency_button.setObjectName(u"remove_agency_button")
        self.remove_agency_button.setIcon(icon1)

        self.agencies_buttons.addWidget(self.remove_agency_button)

        self.agencies_buttons_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.agencies_buttons.addItem(self.agencies_buttons_spacer)


        self.agencies_layout.addLayout(self.agencies_buttons)


        self.task_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agencies_row)

        self.timeline_caption = QLabel(self.task_scroll_content)
        self.timeline_caption.setObjectName(u"timeline_caption")

        self.task_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.timeline_caption)

        self.timeline_edit = QPlainTextEdit(self.task_scroll_content)
        self.timeline_edit.setObjectName(u"timeline_edit")
        self.timeline_edit.setTabChangesFocus(True)
        self.timeline_edit.setMaximumSize(QSize(16777215, 56))

        self.task_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.timeline_edit)

        self.milestones_caption = QLabel(self.task_scroll_content)
        self.milestones_caption.setObjectName(u"milestones_caption")

        self.task_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.milestones_caption)

        self.milestones_view = QTableView(self.task_scroll_content)
        self.milestones_view.setObjectName(u"milestones_view")
        self.milestones_view.setAlternatingRowColors(True)
        self.milestones_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.milestones_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestones_view.setMaximumSize(QSize(16777215, 150))

        self.task_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.milestones_view)

        self.milestones_hint = QLabel(self.task_scroll_content)
        self.milestones_hint.setObjectName(u"milestones_hint")
        self.milestones_hint.setWordWrap(True)

        self.task_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.milestones_hint)

        self.note_caption = QLabel(self.task_scroll_content)
        self.note_caption.setObjectName(u"note_caption")

        self.task_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.note_caption)

        self.note_edit = QPlainTextEdit(self.task_scroll_content)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumSize(QSize(16777215, 56))

        self.task_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.task_scroll.setWidget(self.task_scroll_content)

        self.task_page_layout.addWidget(self.task_scroll)

        self.stack.addWidget(self.task_page)

        self.content_layout.addWidget(self.stack)

        self.tabs.addTab(self.content_tab, "")
        self.progress_tab = QWidget()
        self.progress_tab.setObjectName(u"progress_tab")
        self.progress_layout = QVBoxLayout(self.progress_tab)
        self.progress_layout.setObjectName(u"progress_layout")
        self.progress_layout.setContentsMargins(0, 4, 0, 0)
        self.report_box = QGroupBox(self.progress_tab)
        self.report_box.setObjectName(u"report_box")
        self.report_grid = QGridLayout(self.report_box)
        self.report_grid.setObjectName(u"report_grid")
        self.report_grid.setContentsMargins(4, 4, 4, 4)
        self.period_caption = QLabel(self.report_box)
        self.period_caption.setObjectName(u"period_caption")

        self.report_grid.addWidget(self.period_caption, 0, 0, 1, 1)

        self.period_combo = QComboBox(self.report_box)
        self.period_combo.setObjectName(u"period_combo")

        self.report_grid.addWidget(self.period_combo, 0, 1, 1, 1)

        self.unit_caption = QLabel(self.report_box)
        self.unit_caption.setObjectName(u"unit_caption")

        self.report_grid.addWidget(self.unit_caption, 0, 2, 1, 1)

        self.unit_combo = QComboBox(self.report_box)
        self.unit_combo.setObjectName(u"unit_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unit_combo.sizePolicy().hasHeightForWidth())
        self.unit_combo.setSizePolicy(sizePolicy)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.setMinimumContentsLength(16)

        self.report_grid.addWidget(self.unit_combo, 0, 3, 1, 1)

        self.state_caption = QLabel(self.report_box)
        self.state_caption.setObjectName(u"state_caption")

        self.report_grid.addWidget(self.state_caption, 1, 0, 1, 1)

        self.state_combo = QComboBox(self.report_box)
        self.state_combo.setObjectName(u"state_combo")

        self.report_grid.addWidget(self.state_combo, 1, 1, 1, 1)

        self.percent_caption = QLabel(self.report_box)
        self.percent_caption.setObjectName(u"percent_caption")

        self.report_grid.addWidget(self.percent_caption, 1, 2, 1, 1)

        self.percent_spin = QSpinBox(self.report_box)
        self.percent_spin.setObjectName(u"percent_spin")
        self.percent_spin.setMinimum(-1)
        self.percent_spin.setMaximum(100)
        self.percent_spin.setSingleStep(10)
        self.percent_spin.setValue(-1)

        self.report_grid.addWidget(self.percent_spin, 1, 3, 1, 1)

        self.completed_caption = QLabel(self.report_box)
        self.completed_caption.setObjectName(u"completed_caption")

        self.report_grid.addWidget(self.completed_caption, 2, 0, 1, 1)

        self.completed_date_edit = QDateEdit(self.report_box)
        self.completed_date_edit.setObjectName(u"completed_date_edit")
        self.completed_date_edit.setCalendarPopup(True)

        self.report_grid.addWidget(self.completed_date_edit, 2, 1, 1, 1)

        self.year_caption = QLabel(self.report_box)
        self.year_caption.setObjectName(u"year_caption")

        self.report_grid.addWidget(self.year_caption, 2, 2, 1, 1)

        self.year_value = QLabel(self.report_box)
        self.year_value.setObjectName(u"year_value")

        self.report_grid.addWidget(self.year_value, 2, 3, 1, 1)

        self.result_caption = QLabel(self.report_box)
        self.result_caption.setObjectName(u"result_caption")

        self.report_grid.addWidget(self.result_caption, 3, 0, 1, 1)

        self.result_edit = QPlainTextEdit(self.report_box)
        self.result_edit.setObjectName(u"result_edit")
        self.result_edit.setTabChangesFocus(True)
        self.result_edit.setMaximumSize(QSize(16777215, 90))

        self.report_grid.addWidget(self.result_edit, 3, 1, 1, 3)


        self.progress_layout.addWidget(self.report_box)

        self.evidence_box = QGroupBox(self.progress_tab)
        self.evidence_box.setObjectName(u"evidence_box")
        self.evidence_layout = QHBoxLayout(self.evidence_box)
        self.evidence_layout.setObjectName(u"evidence_layout")
        self.evidence_layout.setContentsMargins(4, 4, 4, 4)
        self.evidence_view = QListView(self.evidence_box)
        self.evidence_view.setObjectName(u"evidence_view")
        self.evidence_view.setMaximumSize(QSize(16777215, 110))
        self.evidence_view.setAcceptDrops(True)

        self.evidence_layout.addWidget(self.evidence_view)

        self.evidence_buttons = QVBoxLayout()
        self.evidence_buttons.setObjectName(u"evidence_buttons")
        self.evidence_buttons.setContentsMargins(0, 0, 0, 0)
        self.add_evidence_button = QPushButton(self.evidence_box)
        self.add_evidence_button.setObjectName(u"add_evidence_button")
        icon2 = QIcon()
        icon2.addFile(u":/icons/action-attach.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.add_evidence_button.setIcon(icon2)

        self.evidence_buttons.addWidget(self.add_evidence_button)

        self.open_evidence_button = QPushButton(self.evidence_box)
        self.open_evidence_button.setObjectName(u"open_evidence_button")
        icon3 = QIcon()
        icon3.addFile(u":/icons/action-open.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.open_evidence_button.setIcon(icon3)

        self.evidence_buttons.addWidget(self.open_evidence_button)

        self.remove_evidence_button = QPushButton(self.evidence_box)
        self.remove_evidence_button.setObjectName(u"remove_evidence_button")
        self.remove_evidence_button.setIcon(icon1)

        self.evidence_buttons.addWidget(self.remove_evidence_button)

        self.evidence_buttons_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.evidence_buttons.addItem(self.evidence_buttons_spacer)


        self.evidence_layout.addLayout(self.evidence_buttons)


        self.progress_layout.addWidget(self.evidence_box)

        self.progress_list_caption = QLabel(self.progress_tab)
        self.progress_list_caption.setObjectName(u"progress_list_caption")

        self.progress_layout.addWidget(self.progress_list_caption)

        self.progress_view = QTableView(self.progress_tab)
        self.progress_view.setObjectName(u"progress_view")
        self.progress_view.setAlternatingRowColors(True)
        self.progress_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.progress_layout.addWidget(self.progress_view)

        self.tabs.addTab(self.progress_tab, "")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.history_layout.setContentsMargins(0, 4, 0, 0)
        self.history_caption = QLabel(self.history_tab)
        self.history_caption.setObjectName(u"history_caption")
        self.history_caption.setWordWrap(True)

        self.history_layout.addWidget(self.history_caption)

        self.history_view = QTableView(self.history_tab)
        self.history_view.setObjectName(u"history_view")
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setWordWrap(True)

        self.history_layout.addWidget(self.history_view)

        self.tabs.addTab(self.history_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.validation_label = QLabel(TaskEditor)
        self.validation_label.setObjectName(u"validation_label")
        self.validation_label.setWordWrap(True)

        self.main_layout.addWidget(self.validation_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.dirty_label = QLabel(TaskEditor)
        self.dirty_label.setObjectName(u"dirty_label")

        self.button_layout.addWidget(self.dirty_label)

        self.button_spacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.discard_button = QPushButton(TaskEditor)
        self.discard_button.setObjectName(u"discard_button")

        self.button_layout.addWidget(self.discard_button)

        self.save_button = QPushButton(TaskEditor)
        self.save_button.setObjectName(u"save_button")
        icon4 = QIcon()
        icon4.addFile(u":/icons/action-save.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.save_button.setIcon(icon4)

        self.button_layout.addWidget(self.save_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.node_text_caption.setBuddy(self.node_text_edit)
        self.appendix_lead_caption.setBuddy(self.appendix_lead_edit)
        self.task_title_caption.setBuddy(self.task_title_edit)
        self.products_caption.setBuddy(self.products_view)
        self.agencies_caption.setBuddy(self.agencies_view)
        self.timeline_caption.setBuddy(self.timeline_edit)
        self.milestones_caption.setBuddy(self.milestones_view)
        self.note_caption.setBuddy(self.note_edit)
        self.period_caption.setBuddy(self.period_combo)
        self.unit_caption.setBuddy(self.unit_combo)
        self.state_caption.setBuddy(self.state_combo)
        self.percent_caption.setBuddy(self.percent_spin)
        self.completed_caption.setBuddy(self.completed_date_edit)
        self.result_caption.setBuddy(self.result_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskEditor)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, TaskEditor):
        TaskEditor.setWindowTitle(QCoreApplication.translate("TaskEditor", u"Chi ti\u1ebft", None))
        self.title_label.setText(QCoreApplication.translate("TaskEditor", u"Ch\u01b0a ch\u1ecdn m\u1ee5c n\u00e0o", None))
        self.review_label.setText("")
        self.review_label.setStyleSheet(QCoreApplication.translate("TaskEditor", u"QLabel { background: #fff8e1; color: #5d4037; border: 1px solid #ffcc80; padding: 3px; }", None))
        self.empty_label.setText(QCoreApplication.translate("TaskEditor", u"Ch\u1ecdn m\u1ed9t ph\u1ea7n, ph\u1ee5 l\u1ee5c ho\u1eb7c nhi\u1ec7m v\u1ee5 trong c\u00e2y \u0111\u1ec3 xem v\u00e0 s\u1eeda.", None))
        self.node_number_caption.setText(QCoreApplication.translate("TaskEditor", u"S\u1ed1 th\u1ee9 t\u1ef1:", None))
        self.node_number_value.setText("")
        self.node_text_caption.setText(QCoreApplication.translate("TaskEditor", u"&N\u1ed9i dung:", None))
#if QT_CONFIG(tooltip)
        self.node_text_edit.setToolTip(QCoreApplication.translate("TaskEditor", u"N\u1ed9i dung c\u1ee7a ph\u1ea7n, m\u1ee5c ho\u1eb7c \u0111o\u1ea1n v\u0103n nh\u01b0 trong v\u0103n b\u1ea3n k\u1ebf ho\u1ea1ch", None))
#endif // QT_CONFIG(tooltip)
        self.appendix_lead_caption.setText(QCoreApplication.translate("TaskEditor", u"C\u01a1 quan &ch\u1ee7 tr\u00ec:", None))
        self.appendix_lead_edit.setPlaceholderText(QCoreApplication.translate("TaskEditor", u"C\u01a1 quan ch\u1ee7 tr\u00ec ph\u1ee5 l\u1ee5c, nh\u01b0 trong ti\u00eau \u0111\u1ec1 ph\u1ee5 l\u1ee5c", None))
        self.task_title_caption.setText(QCoreApplication.translate("TaskEditor", u"&T\u00ean nhi\u1ec7m v\u1ee5:", None))
        self.products_caption.setText(QCoreApplication.translate("TaskEditor", u"&S\u1ea3n ph\u1ea9m:", None))
#if QT_CONFIG(tooltip)
        self.products_view.setToolTip(QCoreApplication.translate("TaskEditor", u"M\u1ed7i d\u00f2ng m\u1ed9t s\u1ea3n ph\u1ea9m; b\u1ea5m \u0111\u00fap \u0111\u1ec3 s\u1eeda", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.add_product_button.setToolTip(QCoreApplication.translate("TaskEditor", u"Th\u00eam s\u1ea3n ph\u1ea9m", None))
#endif // QT_CONFIG(tooltip)
        self.add_product_button.setText(QCoreApplication.translate("TaskEditor", u"Th\u00eam", None))
#if QT_CONFIG(tooltip)
        self.remove_product_button.setToolTip(QCoreApplication.translate("TaskEditor", u"Xo\u00e1 s\u1ea3n ph\u1ea9m \u0111ang ch\u1ecdn (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.remove_product_button.setText(QCoreApplication.translate("TaskEditor", u"Xo\u00e1", None))
        self.agencies_caption.setText(QCoreApplication.translate("TaskEditor", u"&C\u01a1 quan th\u1ef1c hi\u1ec7n:", None))
#if QT_CONFIG(tooltip)
        self.agencies_view.setToolTip(QCoreApplication.translate("TaskEditor", u"C\u01a1 quan th\u1ef1c hi\u1ec7n v\u00e0 vai tr\u00f2; b\u1ea5m \u0111\u00fap \u00f4 Vai tr\u00f2 \u0111\u1ec3 \u0111\u1ed5i", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.add_agency_button.setToolTip(QCoreApplication.translate("TaskEditor", u"Ch\u1ecdn th\u00eam c\u01a1 quan, \u0111\u01a1n v\u1ecb th\u1ef1c hi\u1ec7n", None))
#endif // QT_CONFIG(tooltip)
        self.add_agency_button.setText(QCoreApplication.translate("TaskEditor", u"Th\u00eam", None))
#if QT_CONFIG(tooltip)
        self.remove_agency_button.setToolTip(QCoreApplication.translate("TaskEditor", u"B\u1ecf c\u01a1 quan \u0111ang ch\u1ecdn kh\u1ecfi nhi\u1ec7m v\u1ee5 (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.remove_agency_button.setText(QCoreApplication.translate("TaskEditor", u"Xo\u00e1", None))
        self.timeline_caption.setText(QCoreApplication.translate("TaskEditor", u"Th\u1eddi gian &th\u1ef1c hi\u1ec7n:", None))
#if QT_CONFIG(tooltip)
        self.timeline_edit.setToolTip(QCoreApplication.translate("TaskEditor", u"Vi\u1ebft nh\u01b0 trong k\u1ebf ho\u1ea1ch, v\u00ed d\u1ee5: \u201cQu\u00fd I/2020\u201d, \u201c\u0110\u1ecbnh k\u1ef3 h\u1eb1ng qu\u00fd, 6 th\u00e1ng, n\u0103m\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.milestones_caption.setText(QCoreApplication.translate("TaskEditor", u"&M\u1ed1c th\u1eddi h\u1ea1n:", None))
#if QT_CONFIG(tooltip)
        self.milestones_view.setToolTip(QCoreApplication.translate("TaskEditor", u"C\u00e1c m\u1ed1c \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1eeb \u00f4 th\u1eddi gian; b\u1ea5m \u0111\u00fap \u00f4 H\u1ea1n \u0111\u1ec3 s\u1eeda tay, t\u00edch X\u00e1c nh\u1eadn \u0111\u1ec3 gi\u1eef m\u1ed1c", None))
#endif // QT_CONFIG(tooltip)
        self.milestones_hint.setText(QCoreApplication.translate("TaskEditor", u"M\u1ed1c \u0111\u01b0\u1ee3c \u0111\u1ecdc l\u1ea1i ngay khi s\u1eeda \u00f4 th\u1eddi gian. T\u00edch \u201cX\u00e1c nh\u1eadn\u201d \u0111\u1ec3 gi\u1eef m\u1ed1c khi \u0111\u1ecdc l\u1ea1i; s\u1eeda \u00f4 \u201cH\u1ea1n\u201d \u0111\u1ec3 \u0111\u1eb7t h\u1ea1n kh\u00e1c.", None))
        self.note_caption.setText(QCoreApplication.translate("TaskEditor", u"&Ghi ch\u00fa:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.content_tab), QCoreApplication.translate("TaskEditor", u"N\u1ed9i dung", None))
        self.report_box.setTitle(QCoreApplication.translate("TaskEditor", u"B\u00e1o c\u00e1o c\u1ee7a \u0111\u01a1n v\u1ecb trong k\u1ef3", None))
        self.period_caption.setText(QCoreApplication.translate("TaskEditor", u"&K\u1ef3 b\u00e1o c\u00e1o:", None))
#if QT_CONFIG(tooltip)
        self.period_combo.setToolTip(QCoreApplication.translate("TaskEditor", u"Qu\u00fd I, 6 th\u00e1ng, 9 th\u00e1ng ho\u1eb7c c\u1ea3 n\u0103m", None))
#endif // QT_CONFIG(tooltip)
        self.unit_caption.setText(QCoreApplication.translate("TaskEditor", u"\u0110\u01a1n &v\u1ecb b\u00e1o c\u00e1o:", None))
#if QT_CONFIG(tooltip)
        self.unit_combo.setToolTip(QCoreApplication.translate("TaskEditor", u"\u0110\u01a1n v\u1ecb (ph\u00f2ng, ban, x\u00e3) b\u00e1o c\u00e1o ti\u1ebfn \u0111\u1ed9 nhi\u1ec7m v\u1ee5 n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.state_caption.setText(QCoreApplication.translate("TaskEditor", u"&Tr\u1ea1ng th\u00e1i:", None))
        self.percent_caption.setText(QCoreApplication.translate("TaskEditor", u"T\u1ef7 l\u1ec7 &ho\u00e0n th\u00e0nh:", None))
        self.percent_spin.setSuffix(QCoreApplication.translate("TaskEditor", u" %", None))
        self.percent_spin.setSpecialValueText(QCoreApplication.translate("TaskEditor", u"ch\u01b0a ghi", None))
        self.completed_caption.setText(QCoreApplication.translate("TaskEditor", u"Ng\u00e0y ho\u00e0n &th\u00e0nh:", None))
        self.completed_date_edit.setDisplayFormat(QCoreApplication.translate("TaskEditor", u"dd/MM/yyyy", None))
        self.year_caption.setText(QCoreApplication.translate("TaskEditor", u"N\u0103m:", None))
        self.year_value.setText("")
        self.result_caption.setText(QCoreApplication.translate("TaskEditor", u"&K\u1ebft qu\u1ea3:", None))
        self.result_edit.setPlaceholderText(QCoreApplication.translate("TaskEditor", u"K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n, s\u1ed1 li\u1ec7u, v\u0103n b\u1ea3n \u0111\u00e3 ban h\u00e0nh\u2026; n\u1ebfu kh\u00f4ng th\u1ef1c hi\u1ec7n, ghi r\u00f5 l\u00fd do", None))
        self.evidence_box.setTitle(QCoreApplication.translate("TaskEditor", u"Minh ch\u1ee9ng (k\u00e9o th\u1ea3 t\u1ec7p v\u00e0o \u0111\u00e2y)", None))
#if QT_CONFIG(tooltip)
        self.evidence_view.setToolTip(QCoreApplication.translate("TaskEditor", u"T\u1ec7p minh ch\u1ee9ng c\u1ee7a b\u00e1o c\u00e1o; b\u1ea5m \u0111\u00fap \u0111\u1ec3 m\u1edf, k\u00e9o th\u1ea3 t\u1ec7p v\u00e0o \u0111\u1ec3 \u0111\u00ednh k\u00e8m", None))
#endif // QT_CONFIG(tooltip)
        self.add_evidence_button.setText(QCoreApplication.translate("TaskEditor", u"\u0110\u00ednh &k\u00e8m\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_evidence_button.setToolTip(QCoreApplication.translate("TaskEditor", u"Ch\u1ecdn t\u1ec7p minh ch\u1ee9ng (b\u1ea3n ch\u1ee5p, PDF, v\u0103n b\u1ea3n)", None))
#endif // QT_CONFIG(tooltip)
        self.open_evidence_button.setText(QCoreApplication.translate("TaskEditor", u"&M\u1edf t\u1ec7p", None))
        self.remove_evidence_button.setText(QCoreApplication.translate("TaskEditor", u"&G\u1ee1 t\u1ec7p", None))
#if QT_CONFIG(tooltip)
        self.remove_evidence_button.setToolTip(QCoreApplication.translate("TaskEditor", u"G\u1ee1 t\u1ec7p minh ch\u1ee9ng \u0111ang ch\u1ecdn kh\u1ecfi b\u00e1o c\u00e1o (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.progress_list_caption.setText(QCoreApplication.translate("TaskEditor", u"Ti\u1ebfn \u0111\u1ed9 \u0111\u00e3 ghi c\u1ee7a nhi\u1ec7m v\u1ee5 (b\u1ea5m m\u1ed9t d\u00f2ng \u0111\u1ec3 xem, s\u1eeda):", None))
        self.tabs.setTabText(self.tabs.indexOf(self.progress_tab), QCoreApplication.translate("TaskEditor", u"Ti\u1ebfn \u0111\u1ed9 v\u00e0 minh ch\u1ee9ng", None))
        self.history_caption.setText(QCoreApplication.translate("TaskEditor", u"Ai s\u1eeda, khi n\u00e0o, tr\u01b0\u1eddng n\u00e0o, gi\u00e1 tr\u1ecb c\u0169 v\u00e0 m\u1edbi:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), QCoreApplication.translate("TaskEditor", u"L\u1ecbch s\u1eed thay \u0111\u1ed5i", None))
        self.validation_label.setText("")
        self.validation_label.setStyleSheet(QCoreApplication.translate("TaskEditor", u"QLabel { color: #b71c1c; }", None))
        self.dirty_label.setText("")
        self.discard_button.setText(QCoreApplication.translate("TaskEditor", u"&B\u1ecf thay \u0111\u1ed5i", None))
#if QT_CONFIG(tooltip)
        self.discard_button.setToolTip(QCoreApplication.translate("TaskEditor", u"Tr\u1edf l\u1ea1i n\u1ed9i dung \u0111\u00e3 l\u01b0u", None))
#endif // QT_CONFIG(tooltip)
        self.save_button.setText(QCoreApplication.translate("TaskEditor", u"&L\u01b0u", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("TaskEditor", u"L\u01b0u thay \u0111\u1ed5i (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

