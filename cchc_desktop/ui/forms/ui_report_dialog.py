# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QVBoxLayout, QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(1120, 660)
        self.main_layout = QVBoxLayout(ReportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.splitter = QSplitter(ReportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.options_pane = QWidget(self.splitter)
        self.options_pane.setObjectName(u"options_pane")
        self.options_layout = QVBoxLayout(self.options_pane)
        self.options_layout.setObjectName(u"options_layout")
        self.options_layout.setContentsMargins(0, 0, 6, 0)
        self.kind_group = QGroupBox(self.options_pane)
        self.kind_group.setObjectName(u"kind_group")
        self.kind_layout = QVBoxLayout(self.kind_group)
        self.kind_layout.setObjectName(u"kind_layout")
        self.plan_radio = QRadioButton(self.kind_group)
        self.plan_radio.setObjectName(u"plan_radio")

        self.kind_layout.addWidget(self.plan_radio)

        self.period_radio = QRadioButton(self.kind_group)
        self.period_radio.setObjectName(u"period_radio")
        self.period_radio.setChecked(True)

        self.kind_layout.addWidget(self.period_radio)

        self.overdue_radio = QRadioButton(self.kind_group)
        self.overdue_radio.setObjectName(u"overdue_radio")

        self.kind_layout.addWidget(self.overdue_radio)

        self.agency_radio = QRadioButton(self.kind_group)
        self.agency_radio.setObjectName(u"agency_radio")

        self.kind_layout.addWidget(self.agency_radio)


        self.options_layout.addWidget(self.kind_group)

        self.options_group = QGroupBox(self.options_pane)
        self.options_group.setObjectName(u"options_group")
        self.options_form = QFormLayout(self.options_group)
        self.options_form.setObjectName(u"options_form")
        self.options_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.year_caption = QLabel(self.options_group)
        self.year_caption.setObjectName(u"year_caption")

        self.options_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_caption)

        self.year_combo = QComboBox(self.options_group)
        self.year_combo.setObjectName(u"year_combo")

        self.options_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.year_combo)

        self.period_caption = QLabel(self.options_group)
        self.period_caption.setObjectName(u"period_caption")

        self.options_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_caption)

        self.period_combo = QComboBox(self.options_group)
        self.period_combo.setObjectName(u"period_combo")

        self.options_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period_combo)

        self.agency_caption = QLabel(self.options_group)
        self.agency_caption.setObjectName(u"agency_caption")

        self.options_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agency_caption)

        self.agency_combo = QComboBox(self.options_group)
        self.agency_combo.setObjectName(u"agency_combo")
        self.agency_combo.setEditable(True)
        self.agency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.agency_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency_combo.setMinimumContentsLength(18)

        self.options_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agency_combo)

        self.amended_caption = QLabel(self.options_group)
        self.amended_caption.setObjectName(u"amended_caption")

        self.options_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amended_caption)

        self.amended_date_edit = QDateEdit(self.options_group)
        self.amended_date_edit.setObjectName(u"amended_date_edit")
        self.amended_date_edit.setCalendarPopup(True)

        self.options_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amended_date_edit)

        self.blank_check = QCheckBox(self.options_group)
        self.blank_check.setObjectName(u"blank_check")
        self.blank_check.setChecked(True)

        self.options_form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.blank_check)


        self.options_layout.addWidget(self.options_group)

        self.build_button = QPushButton(self.options_pane)
        self.build_button.setObjectName(u"build_button")

        self.options_layout.addWidget(self.build_button)

        self.status_label = QLabel(self.options_pane)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.options_layout.addWidget(self.status_label)

        self.issue_group = QGroupBox(self.options_pane)
        self.issue_group.setObjectName(u"issue_group")
        self.issue_layout = QVBoxLayout(self.issue_group)
        self.issue_layout.setObjectName(u"issue_layout")
        self.number_label = QLabel(self.issue_group)
        self.number_label.setObjectName(u"number_label")
        self.number_label.setWordWrap(True)

        self.issue_layout.addWidget(self.number_label)

        self.issue_button = QPushButton(self.issue_group)
        self.issue_button.setObjectName(u"issue_button")

        self.issue_layout.addWidget(self.issue_button)


        self.options_layout.addWidget(self.issue_group)

        self.options_spacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.options_layout.addItem(self.options_spacer)

        self.splitter.addWidget(self.options_pane)
        self.preview_pane = QWidget(self.splitter)
        self.preview_pane.setObjectName(u"preview_pane")
        self.preview_layout = QVBoxLayout(self.preview_pane)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_bar = QHBoxLayout()
        self.preview_bar.setObjectName(u"preview_bar")
        self.page_caption = QLabel(self.preview_pane)
        self.page_caption.setObjectName(u"page_caption")

        self.preview_bar.addWidget(self.page_caption)

        self.page_spin = QSpinBox(self.preview_pane)
        self.page_spin.setObjectName(u"page_spin")
        self.page_spin.setMinimum(1)
        self.page_spin.setMaximum(1)

        self.preview_bar.addWidget(self.page_spin)

        self.page_count_label = QLabel(self.preview_pane)
        self.page_count_label.setObjectName(u"page_count_label")

        self.preview_bar.addWidget(self.page_count_label)

        self.bar_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_bar.addItem(self.bar_spacer)

        self.zoom_caption = QLabel(self.preview_pane)
        self.zoom_caption.setObjectName(u"zoom_caption")

        self.preview_bar.addWidget(self.zoom_caption)

        self.zoom_combo = QComboBox(self.preview_pane)
        self.zoom_combo.setObjectName(u"zoom_combo")
        self.zoom_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.preview_bar.addWidget(self.zoom_combo)


        self.preview_layout.addLayout(self.preview_bar)

        self.pdf_container = QWidget(self.preview_pane)
        self.pdf_container.setObjectName(u"pdf_container")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.pdf_container.sizePolicy().hasHeightForWidth())
        self.pdf_container.setSizePolicy(sizePolicy)
        self.pdf_container.setMinimumSize(QSize(420, 300))
        self.pdf_layout = QVBoxLayout(self.pdf_container)
        self.pdf_layout.setObjectName(u"pdf_layout")
        self.pdf_layout.setContentsMargins(0, 0, 0, 0)

        self.preview_layout.addWidget(self.pdf_container)

        self.splitter.addWidget(self.preview_pane)

        self.main_layout.addWidget(self.splitter)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.print_button = QPushButton(ReportDialog)
        self.print_button.setObjectName(u"print_button")

        self.buttons_layout.addWidget(self.print_button)

        self.save_button = QPushButton(ReportDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.buttons_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.button_box = QDialogButtonBox(ReportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_combo)
        self.period_caption.setBuddy(self.period_combo)
        self.agency_caption.setBuddy(self.agency_combo)
        self.amended_caption.setBuddy(self.amended_date_edit)
        self.page_caption.setBuddy(self.page_spin)
        self.zoom_caption.setBuddy(self.zoom_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.plan_radio, self.period_radio)
        QWidget.setTabOrder(self.period_radio, self.overdue_radio)
        QWidget.setTabOrder(self.overdue_radio, self.agency_radio)
        QWidget.setTabOrder(self.agency_radio, self.year_combo)
        QWidget.setTabOrder(self.year_combo, self.period_combo)
        QWidget.setTabOrder(self.period_combo, self.agency_combo)
        QWidget.setTabOrder(self.agency_combo, self.blank_check)
        QWidget.setTabOrder(self.blank_check, self.build_button)
        QWidget.setTabOrder(self.build_button, self.issue_button)
        QWidget.setTabOrder(self.issue_button, self.page_spin)
        QWidget.setTabOrder(self.page_spin, self.zoom_combo)
        QWidget.setTabOrder(self.zoom_combo, self.print_button)
        QWidget.setTabOrder(self.print_button, self.save_button)

        self.retranslateUi(ReportDialog)

        self.build_button.setDefault(True)

    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"B\u00e1o c\u00e1o v\u00e0 v\u0103n b\u1ea3n", None))
        self.kind_group.setTitle(QCoreApplication.translate("ReportDialog", u"Lo\u1ea1i v\u0103n b\u1ea3n", None))
        self.plan_radio.setText(QCoreApplication.translate("ReportDialog", u"&K\u1ebf ho\u1ea1ch CCHC (quy\u1ebft \u0111\u1ecbnh, k\u1ebf ho\u1ea1ch, ph\u1ee5 l\u1ee5c)", None))
        self.period_radio.setText(QCoreApplication.translate("ReportDialog", u"&B\u00e1o c\u00e1o k\u1ebft qu\u1ea3 \u0111\u1ecbnh k\u1ef3", None))
        self.overdue_radio.setText(QCoreApplication.translate("ReportDialog", u"Nhi\u1ec7m v\u1ee5 &qu\u00e1 h\u1ea1n v\u00e0 s\u1eafp \u0111\u1ebfn h\u1ea1n", None))
        self.agency_radio.setText(QCoreApplication.translate("ReportDialog", u"&Phi\u1ebfu giao nhi\u1ec7m v\u1ee5 cho m\u1ed9t c\u01a1 quan", None))
        self.options_group.setTitle(QCoreApplication.translate("ReportDialog", u"T\u00f9y ch\u1ecdn", None))
        self.year_caption.setText(QCoreApplication.translate("ReportDialog", u"K\u1ebf ho\u1ea1ch &n\u0103m:", None))
        self.period_caption.setText(QCoreApplication.translate("ReportDialog", u"K\u1ef3 &b\u00e1o c\u00e1o:", None))
        self.agency_caption.setText(QCoreApplication.translate("ReportDialog", u"&C\u01a1 quan:", None))
        self.amended_caption.setText(QCoreApplication.translate("ReportDialog", u"\u0110i\u1ec1u ch\u1ec9nh \u0111\u1ebfn &ng\u00e0y:", None))
#if QT_CONFIG(tooltip)
        self.amended_date_edit.setToolTip(QCoreApplication.translate("ReportDialog", u"In k\u1ebf ho\u1ea1ch nh\u01b0 \u0111\u00e3 \u0111\u01b0\u1ee3c \u0111i\u1ec1u ch\u1ec9nh, b\u1ed5 sung \u0111\u1ebfn ng\u00e0y n\u00e0y", None))
#endif // QT_CONFIG(tooltip)
        self.amended_date_edit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.blank_check.setToolTip(QCoreApplication.translate("ReportDialog", u"In \u201cS\u1ed1:      /BC-UBND\u201d v\u00e0 \u201cng\u00e0y    th\u00e1ng    n\u0103m\u201d \u0111\u1ec3 v\u0103n th\u01b0 \u0111i\u1ec1n tay sau khi k\u00fd", None))
#endif // QT_CONFIG(tooltip)
        self.blank_check.setText(QCoreApplication.translate("ReportDialog", u"\u0110\u1ec3 &tr\u1ed1ng s\u1ed1 v\u00e0 ng\u00e0y (\u0111i\u1ec1n tay sau khi k\u00fd)", None))
        self.build_button.setText(QCoreApplication.translate("ReportDialog", u"&T\u1ea1o b\u1ea3n xem tr\u01b0\u1edbc", None))
        self.status_label.setText("")
        self.issue_group.setTitle(QCoreApplication.translate("ReportDialog", u"Ban h\u00e0nh", None))
        self.number_label.setText("")
#if QT_CONFIG(tooltip)
        self.issue_button.setToolTip(QCoreApplication.translate("ReportDialog", u"L\u1ea5y s\u1ed1 ti\u1ebfp theo trong s\u1ed5 v\u0103n b\u1ea3n, ghi ng\u00e0y h\u00f4m nay, t\u1ea1o l\u1ea1i v\u0103n b\u1ea3n v\u00e0 ghi v\u00e0o s\u1ed5", None))
#endif // QT_CONFIG(tooltip)
        self.issue_button.setText(QCoreApplication.translate("ReportDialog", u"Ban &h\u00e0nh v\u00e0 ghi s\u1ed5\u2026", None))
        self.page_caption.setText(QCoreApplication.translate("ReportDialog", u"Trang:", None))
        self.page_count_label.setText(QCoreApplication.translate("ReportDialog", u"/ 0", None))
        self.zoom_caption.setText(QCoreApplication.translate("ReportDialog", u"&Thu ph\u00f3ng:", None))
        self.print_button.setText(QCoreApplication.translate("ReportDialog", u"&In\u2026", None))
        self.save_button.setText(QCoreApplication.translate("ReportDialog", u"&L\u01b0u th\u00e0nh t\u1ec7p PDF\u2026", None))
    # retranslateUi

