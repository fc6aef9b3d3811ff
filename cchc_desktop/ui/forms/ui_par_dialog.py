# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'par_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QSplitter,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ParDialog(object):
    def setupUi(self, ParDialog):
        if not ParDialog.objectName():
            ParDialog.setObjectName(u"ParDialog")
        ParDialog.resize(1280, 700)
        self.main_layout = QVBoxLayout(ParDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.top_layout = QHBoxLayout()
        self.top_layout.setObjectName(u"top_layout")
        self.year_caption = QLabel(ParDialog)
        self.year_caption.setObjectName(u"year_caption")

        self.top_layout.addWidget(self.year_caption)

        self.year_spin = QSpinBox(ParDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.top_layout.addWidget(self.year_spin)

        self.level_caption = QLabel(ParDialog)
        self.level_caption.setObjectName(u"level_caption")

        self.top_layout.addWidget(self.level_caption)

        self.level_combo = QComboBox(ParDialog)
        self.level_combo.setObjectName(u"level_combo")

        self.top_layout.addWidget(self.level_combo)

        self.unit_caption = QLabel(ParDialog)
        self.unit_caption.setObjectName(u"unit_caption")

        self.top_layout.addWidget(self.unit_caption)

        self.unit_combo = QComboBox(ParDialog)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.top_layout.addWidget(self.unit_combo)

        self.top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top_layout.addItem(self.top_spacer)

        self.import_button = QPushButton(ParDialog)
        self.import_button.setObjectName(u"import_button")

        self.top_layout.addWidget(self.import_button)


        self.main_layout.addLayout(self.top_layout)

        self.problems_label = QLabel(ParDialog)
        self.problems_label.setObjectName(u"problems_label")
        self.problems_label.setWordWrap(True)

        self.main_layout.addWidget(self.problems_label)

        self.splitter = QSplitter(ParDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.left_panel = QWidget(self.splitter)
        self.left_panel.setObjectName(u"left_panel")
        self.left_layout = QVBoxLayout(self.left_panel)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.criteria_tree = QTreeWidget(self.left_panel)
        self.criteria_tree.setObjectName(u"criteria_tree")
        self.criteria_tree.setAlternatingRowColors(True)
        self.criteria_tree.setUniformRowHeights(False)
        self.criteria_tree.setWordWrap(True)

        self.left_layout.addWidget(self.criteria_tree)

        self.tree_buttons = QHBoxLayout()
        self.tree_buttons.setObjectName(u"tree_buttons")
        self.edit_button = QPushButton(self.left_panel)
        self.edit_button.setObjectName(u"edit_button")

        self.tree_buttons.addWidget(self.edit_button)

        self.add_button = QPushButton(self.left_panel)
        self.add_button.setObjectName(u"add_button")

        self.tree_buttons.addWidget(self.add_button)

        self.add_area_button = QPushButton(self.left_panel)
        self.add_area_button.setObjectName(u"add_area_button")

        self.tree_buttons.addWidget(self.add_area_button)

        self.remove_button = QPushButton(self.left_panel)
        self.remove_button.setObjectName(u"remove_button")

        self.tree_buttons.addWidget(self.remove_button)

        self.tree_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tree_buttons.addItem(self.tree_spacer)


        self.left_layout.addLayout(self.tree_buttons)

        self.splitter.addWidget(self.left_panel)
        self.detail_scroll = QScrollArea(self.splitter)
        self.detail_scroll.setObjectName(u"detail_scroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_panel = QWidget()
        self.detail_panel.setObjectName(u"detail_panel")
        self.detail_layout = QVBoxLayout(self.detail_panel)
        self.detail_layout.setObjectName(u"detail_layout")
        self.title_label = QLabel(self.detail_panel)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detail_layout.addWidget(self.title_label)

        self.rule_label = QLabel(self.detail_panel)
        self.rule_label.setObjectName(u"rule_label")
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detail_layout.addWidget(self.rule_label)

        self.score_group = QGroupBox(self.detail_panel)
        self.score_group.setObjectName(u"score_group")
        self.score_layout = QGridLayout(self.score_group)
        self.score_layout.setObjectName(u"score_layout")
        self.score_caption = QLabel(self.score_group)
        self.score_caption.setObjectName(u"score_caption")

        self.score_layout.addWidget(self.score_caption, 0, 0, 1, 1)

        self.score_spin = QDoubleSpinBox(self.score_group)
        self.score_spin.setObjectName(u"score_spin")
        self.score_spin.setDecimals(2)
        self.score_spin.setSingleStep(0.500000000000000)

        self.score_layout.addWidget(self.score_spin, 0, 1, 1, 1)

        self.max_label = QLabel(self.score_group)
        self.max_label.setObjectName(u"max_label")

        self.score_layout.addWidget(self.max_label, 0, 2, 1, 1)

        self.clear_score_button = QPushButton(self.score_group)
        self.clear_score_button.setObjectName(u"clear_score_button")

        self.score_layout.addWidget(self.clear_score_button, 0, 3, 1, 1)

        self.note_caption = QLabel(self.score_group)
        self.note_caption.setObjectName(u"note_caption")

        self.score_layout.addWidget(self.note_caption, 1, 0, 1, 1)

        self.note_edit = QPlainTextEdit(self.score_group)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumSize(QSize(16777215, 56))

        self.score_layout.addWidget(self.note_edit, 1, 1, 1, 3)

        self.save_score_button = QPushButton(self.score_group)
        self.save_score_button.setObjectName(u"save_score_button")

        self.score_layout.addWidget(self.save_score_button, 2, 1, 1, 3)


        self.detail_layout.addWidget(self.score_group)

        self.appraisal_group = QGroupBox(self.detail_panel)
        self.appraisal_group.setObjectName(u"appraisal_group")
        self.appraisal_layout = QGridLayout(self.appraisal_group)
        self.appraisal_layout.setObjectName(u"appraisal_layout")
        self.appraised_caption = QLabel(self.appraisal_group)
        self.appraised_caption.setObjectName(u"appraised_caption")

        self.appraisal_layout.addWidget(self.appraised_caption, 0, 0, 1, 1)

        self.appraised_spin = QDoubleSpinBox(self.appraisal_group)
        self.appraised_spin.setObjectName(u"appraised_spin")
        self.appraised_spin.setDecimals(2)
        self.appraised_spin.setSingleStep(0.500000000000000)

        self.appraisal_layout.addWidget(self.appraised_spin, 0, 1, 1, 1)

        self.clear_appraisal_button = QPushButton(self.appraisal_group)
        self.clear_appraisal_button.setObjectName(u"clear_appraisal_button")

        self.appraisal_layout.addWidget(self.clear_appraisal_button, 0, 2, 1, 1)

        self.appraisal_caption = QLabel(self.appraisal_group)
        self.appraisal_caption.setObjectName(u"appraisal_caption")

        self.appraisal_layout.addWidget(self.appraisal_caption, 1, 0, 1, 1)

        self.appraisal_edit = QPlainTextEdit(self.appraisal_group)
        self.appraisal_edit.setObjectName(u"appraisal_edit")
        self.appraisal_edit.setTabChangesFocus(True)
        self.appraisal_edit.setMaximumSize(QSize(16777215, 60))

        self.appraisal_layout.addWidget(self.appraisal_edit, 1, 1, 1, 2)

        self.save_appraisal_button = QPushButton(self.appraisal_group)
        self.save_appraisal_button.setObjectName(u"save_appraisal_button")

        self.appraisal_layout.addWidget(self.save_appraisal_button, 2, 1, 1, 2)


        self.detail_layout.addWidget(self.appraisal_group)

        self.evidence_group = QGroupBox(self.detail_panel)
        self.evidence_group.setObjectName(u"evidence_group")
        self.evidence_layout = QVBoxLayout(self.evidence_group)
        self.evidence_layout.setObjectName(u"evidence_layout")
        self.evidence_list = QListWidget(self.evidence_group)
        self.evidence_list.setObjectName(u"evidence_list")
        self.evidence_list.setMaximumSize(QSize(16777215, 64))
        self.evidence_list.setWordWrap(True)

        self.evidence_layout.addWidget(self.evidence_list)

        self.evidence_buttons = QHBoxLayout()
        self.evidence_buttons.setObjectName(u"evidence_buttons")
        self.open_evidence_button = QPushButton(self.evidence_group)
        self.open_evidence_button.setObjectName(u"open_evidence_button")

        self.evidence_buttons.addWidget(self.open_evidence_button)

        self.unlink_button = QPushButton(self.evidence_group)
        self.unlink_button.setObjectName(u"unlink_button")

        self.evidence_buttons.addWidget(self.unlink_button)

        self.attach_button = QPushButton(self.evidence_group)
        self.attach_button.setObjectName(u"attach_button")

        self.evidence_buttons.addWidget(self.attach_button)

        self.evidence_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidence_buttons.addItem(self.evidence_spacer)


        self.evidence_layout.addLayout(self.evidence_buttons)


        self.detail_layout.addWidget(self.evidence_group)

        self.proposal_group = QGroupBox(self.detail_panel)
        self.proposal_group.setObjectName(u"proposal_group")
        self.proposal_layout = QVBoxLayout(self.proposal_group)
        self.proposal_layout.setObjectName(u"proposal_layout")
        self.proposal_list = QListWidget(self.proposal_group)
        self.proposal_list.setObjectName(u"proposal_list")
        self.proposal_list.setMaximumSize(QSize(16777215, 110))
        self.proposal_list.setWordWrap(True)

        self.proposal_layout.addWidget(self.proposal_list)

        self.proposal_buttons = QHBoxLayout()
        self.proposal_buttons.setObjectName(u"proposal_buttons")
        self.link_button = QPushButton(self.proposal_group)
        self.link_button.setObjectName(u"link_button")

        self.proposal_buttons.addWidget(self.link_button)

        self.proposal_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.proposal_buttons.addItem(self.proposal_spacer)


        self.proposal_layout.addLayout(self.proposal_buttons)


        self.detail_layout.addWidget(self.proposal_group)

        self.detail_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detail_layout.addItem(self.detail_spacer)

        self.detail_scroll.setWidget(self.detail_panel)
        self.splitter.addWidget(self.detail_scroll)

        self.main_layout.addWidget(self.splitter)

        self.error_label = QLabel(ParDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.totals_label = QLabel(ParDialog)
        self.totals_label.setObjectName(u"totals_label")
        self.totals_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.totals_label.sizePolicy().hasHeightForWidth())
        self.totals_label.setSizePolicy(sizePolicy)

        self.bottom_layout.addWidget(self.totals_label)

        self.report_button = QPushButton(ParDialog)
        self.report_button.setObjectName(u"report_button")

        self.bottom_layout.addWidget(self.report_button)

        self.xlsx_button = QPushButton(ParDialog)
        self.xlsx_button.setObjectName(u"xlsx_button")

        self.bottom_layout.addWidget(self.xlsx_button)

        self.handin_button = QPushButton(ParDialog)
        self.handin_button.setObjectName(u"handin_button")

        self.bottom_layout.addWidget(self.handin_button)

        self.rank_button = QPushButton(ParDialog)
        self.rank_button.setObjectName(u"rank_button")

        self.bottom_layout.addWidget(self.rank_button)

        self.button_box = QDialogButtonBox(ParDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottom_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.bottom_layout)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_spin)
        self.level_caption.setBuddy(self.level_combo)
        self.unit_caption.setBuddy(self.unit_combo)
        self.score_caption.setBuddy(self.score_spin)
        self.note_caption.setBuddy(self.note_edit)
        self.appraised_caption.setBuddy(self.appraised_spin)
        self.appraisal_caption.setBuddy(self.appraisal_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.year_spin, self.level_combo)
        QWidget.setTabOrder(self.level_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.import_button)
        QWidget.setTabOrder(self.import_button, self.criteria_tree)
        QWidget.setTabOrder(self.criteria_tree, self.score_spin)
        QWidget.setTabOrder(self.score_spin, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.save_score_button)
        QWidget.setTabOrder(self.save_score_button, self.link_button)

        self.retranslateUi(ParDialog)
    # setupUi

    def retranslateUi(self, ParDialog):
        ParDialog.setWindowTitle(QCoreApplication.translate("ParDialog", u"Ch\u1ec9 s\u1ed1 CCHC \u2013 t\u1ef1 \u0111\u00e1nh gi\u00e1, ch\u1ea5m \u0111i\u1ec3m", None))
        self.year_caption.setText(QCoreApplication.translate("ParDialog", u"&N\u0103m:", None))
        self.level_caption.setText(QCoreApplication.translate("ParDialog", u"&C\u1ea5p:", None))
        self.unit_caption.setText(QCoreApplication.translate("ParDialog", u"\u0110\u01a1n &v\u1ecb:", None))
        self.import_button.setText(QCoreApplication.translate("ParDialog", u"N&h\u1eadp b\u1ed9 ti\u00eau ch\u00ed\u2026", None))
#if QT_CONFIG(tooltip)
        self.import_button.setToolTip(QCoreApplication.translate("ParDialog", u"Nh\u1eadp b\u1ed9 ch\u1ec9 s\u1ed1 c\u1ee7a t\u1ec9nh t\u1eeb b\u1ea3ng v\u0103n b\u1ea3n (.txt l\u01b0u t\u1eeb Word)", None))
#endif // QT_CONFIG(tooltip)
        self.problems_label.setStyleSheet(QCoreApplication.translate("ParDialog", u"color: #8a4b00;", None))
        self.problems_label.setText("")
        ___qtreewidgetitem = self.criteria_tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("ParDialog", u"Ki\u1ec3m ch\u1ee9ng", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("ParDialog", u"Th\u1ea9m \u0111\u1ecbnh", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ParDialog", u"T\u1ef1 ch\u1ea5m", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ParDialog", u"T\u1ed1i \u0111a", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ParDialog", u"L\u0129nh v\u1ef1c/Ti\u00eau ch\u00ed/Ti\u00eau ch\u00ed th\u00e0nh ph\u1ea7n", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ParDialog", u"M\u00e3", None))
        self.edit_button.setText(QCoreApplication.translate("ParDialog", u"&S\u1eeda m\u1ee5c\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_button.setToolTip(QCoreApplication.translate("ParDialog", u"S\u1eeda t\u00ean, \u0111i\u1ec3m t\u1ed1i \u0111a, c\u00e1ch ch\u1ea5m c\u1ee7a m\u1ee5c \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        self.add_button.setText(QCoreApplication.translate("ParDialog", u"Th\u00eam m\u1ee5c &con\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_button.setToolTip(QCoreApplication.translate("ParDialog", u"Th\u00eam ti\u00eau ch\u00ed ho\u1eb7c ti\u00eau ch\u00ed th\u00e0nh ph\u1ea7n v\u00e0o m\u1ee5c \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        self.add_area_button.setText(QCoreApplication.translate("ParDialog", u"Th\u00eam &l\u0129nh v\u1ef1c\u2026", None))
        self.remove_button.setText(QCoreApplication.translate("ParDialog", u"&Xo\u00e1 m\u1ee5c", None))
        self.title_label.setText("")
        self.rule_label.setText("")
        self.score_group.setTitle(QCoreApplication.translate("ParDialog", u"T\u1ef1 \u0111\u00e1nh gi\u00e1", None))
        self.score_caption.setText(QCoreApplication.translate("ParDialog", u"\u0110i\u1ec3&m:", None))
        self.max_label.setText("")
        self.clear_score_button.setText(QCoreApplication.translate("ParDialog", u"Xo\u00e1 \u0111i\u1ec3m", None))
        self.note_caption.setText(QCoreApplication.translate("ParDialog", u"&Gi\u1ea3i tr\u00ecnh:", None))
        self.save_score_button.setText(QCoreApplication.translate("ParDialog", u"&L\u01b0u \u0111i\u1ec3m t\u1ef1 \u0111\u00e1nh gi\u00e1", None))
        self.appraisal_group.setTitle(QCoreApplication.translate("ParDialog", u"Th\u1ea9m \u0111\u1ecbnh (c\u01a1 quan c\u1ea5p tr\u00ean)", None))
        self.appraised_caption.setText(QCoreApplication.translate("ParDialog", u"\u0110i\u1ec3m th\u1ea9&m \u0111\u1ecbnh:", None))
        self.clear_appraisal_button.setText(QCoreApplication.translate("ParDialog", u"Xo\u00e1 \u0111i\u1ec3m", None))
        self.appraisal_caption.setText(QCoreApplication.translate("ParDialog", u"\u00dd &ki\u1ebfn:", None))
        self.save_appraisal_button.setText(QCoreApplication.translate("ParDialog", u"L\u01b0u \u0111i\u1ec3m &th\u1ea9m \u0111\u1ecbnh", None))
        self.evidence_group.setTitle(QCoreApplication.translate("ParDialog", u"T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
        self.open_evidence_button.setText(QCoreApplication.translate("ParDialog", u"&M\u1edf t\u1ec7p", None))
        self.unlink_button.setText(QCoreApplication.translate("ParDialog", u"&B\u1ecf li\u00ean k\u1ebft", None))
        self.attach_button.setText(QCoreApplication.translate("ParDialog", u"\u0110\u00ednh k\u00e8m &t\u1ec7p\u2026", None))
#if QT_CONFIG(tooltip)
        self.attach_button.setToolTip(QCoreApplication.translate("ParDialog", u"L\u01b0u t\u1ec7p (b\u1ea3n qu\u00e9t, PDF\u2026) v\u00e0o kho minh ch\u1ee9ng v\u00e0 g\u1eafn v\u1edbi ti\u00eau ch\u00ed", None))
#endif // QT_CONFIG(tooltip)
        self.proposal_group.setTitle(QCoreApplication.translate("ParDialog", u"\u0110\u1ec1 xu\u1ea5t t\u1eeb k\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n trong n\u0103m", None))
        self.link_button.setText(QCoreApplication.translate("ParDialog", u"Li\u00ean k\u1ebft &\u0111\u1ec1 xu\u1ea5t \u0111\u00e3 ch\u1ecdn", None))
#if QT_CONFIG(tooltip)
        self.link_button.setToolTip(QCoreApplication.translate("ParDialog", u"G\u1eafn k\u1ebft qu\u1ea3 ho\u1eb7c v\u0103n b\u1ea3n \u0111\u00e3 ghi trong n\u0103m l\u00e0m t\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng (kh\u00f4ng sao ch\u00e9p)", None))
#endif // QT_CONFIG(tooltip)
        self.error_label.setStyleSheet(QCoreApplication.translate("ParDialog", u"color: #b71c1c;", None))
        self.error_label.setText("")
        self.totals_label.setText("")
        self.report_button.setText(QCoreApplication.translate("ParDialog", u"&In b\u00e1o c\u00e1o\u2026", None))
#if QT_CONFIG(tooltip)
        self.report_button.setToolTip(QCoreApplication.translate("ParDialog", u"B\u00e1o c\u00e1o t\u1ef1 \u0111\u00e1nh gi\u00e1 theo Ngh\u1ecb \u0111\u1ecbnh 30, k\u00e8m b\u1ea3ng \u0111i\u1ec3m", None))
#endif // QT_CONFIG(tooltip)
        self.xlsx_button.setText(QCoreApplication.translate("ParDialog", u"Xu\u1ea5t &Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.xlsx_button.setToolTip(QCoreApplication.translate("ParDialog", u"B\u1ea3ng \u0111i\u1ec3m t\u1ef1 \u0111\u00e1nh gi\u00e1 d\u1ea1ng b\u1ea3ng t\u00ednh", None))
#endif // QT_CONFIG(tooltip)
        self.handin_button.setText(QCoreApplication.translate("ParDialog", u"Ghi th\u01b0 m\u1ee5c &n\u1ed9p\u2026", None))
#if QT_CONFIG(tooltip)
        self.handin_button.setToolTip(QCoreApplication.translate("ParDialog", u"B\u1ea3ng \u0111i\u1ec3m, b\u00e1o c\u00e1o v\u00e0 m\u1ecdi t\u1ec7p ki\u1ec3m ch\u1ee9ng \u0111\u1eb7t t\u00ean theo ti\u00eau ch\u00ed", None))
#endif // QT_CONFIG(tooltip)
        self.rank_button.setText(QCoreApplication.translate("ParDialog", u"&X\u1ebfp h\u1ea1ng\u2026", None))
#if QT_CONFIG(tooltip)
        self.rank_button.setToolTip(QCoreApplication.translate("ParDialog", u"X\u1ebfp h\u1ea1ng c\u00e1c \u0111\u01a1n v\u1ecb theo t\u1ed5ng \u0111i\u1ec3m v\u00e0 t\u1eebng l\u0129nh v\u1ef1c", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

