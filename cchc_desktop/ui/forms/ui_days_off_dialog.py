# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'days_off_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_DaysOffDialog(object):
    def setupUi(self, DaysOffDialog):
        if not DaysOffDialog.objectName():
            DaysOffDialog.setObjectName(u"DaysOffDialog")
        DaysOffDialog.resize(720, 640)
        self.main_layout = QVBoxLayout(DaysOffDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(DaysOffDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.year_layout = QHBoxLayout()
        self.year_layout.setObjectName(u"year_layout")
        self.year_caption = QLabel(DaysOffDialog)
        self.year_caption.setObjectName(u"year_caption")

        self.year_layout.addWidget(self.year_caption)

        self.year_spin = QSpinBox(DaysOffDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(1901)
        self.year_spin.setMaximum(2100)
        self.year_spin.setValue(2020)

        self.year_layout.addWidget(self.year_spin)

        self.count_label = QLabel(DaysOffDialog)
        self.count_label.setObjectName(u"count_label")

        self.year_layout.addWidget(self.count_label)

        self.year_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.year_layout.addItem(self.year_spacer)


        self.main_layout.addLayout(self.year_layout)

        self.days_table = QTableWidget(DaysOffDialog)
        if (self.days_table.columnCount() < 4):
            self.days_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.days_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.days_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.days_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.days_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.days_table.setObjectName(u"days_table")
        self.days_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days_table.setAlternatingRowColors(True)
        self.days_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.days_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days_table.setColumnCount(4)

        self.main_layout.addWidget(self.days_table)

        self.remove_layout = QHBoxLayout()
        self.remove_layout.setObjectName(u"remove_layout")
        self.remove_hint_label = QLabel(DaysOffDialog)
        self.remove_hint_label.setObjectName(u"remove_hint_label")
        self.remove_hint_label.setWordWrap(True)

        self.remove_layout.addWidget(self.remove_hint_label)

        self.remove_button = QPushButton(DaysOffDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.remove_layout.addWidget(self.remove_button)

        self.remove_layout.setStretch(0, 1)

        self.main_layout.addLayout(self.remove_layout)

        self.add_group = QGroupBox(DaysOffDialog)
        self.add_group.setObjectName(u"add_group")
        self.add_form = QFormLayout(self.add_group)
        self.add_form.setObjectName(u"add_form")
        self.add_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_caption = QLabel(self.add_group)
        self.date_caption.setObjectName(u"date_caption")

        self.add_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_caption)

        self.date_edit = QDateEdit(self.add_group)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.add_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.name_caption = QLabel(self.add_group)
        self.name_caption.setObjectName(u"name_caption")

        self.add_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_caption)

        self.name_edit = QLineEdit(self.add_group)
        self.name_edit.setObjectName(u"name_edit")

        self.add_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.working_check = QCheckBox(self.add_group)
        self.working_check.setObjectName(u"working_check")

        self.add_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.working_check)

        self.add_button_layout = QHBoxLayout()
        self.add_button_layout.setObjectName(u"add_button_layout")
        self.add_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.add_button_layout.addItem(self.add_spacer)

        self.add_button = QPushButton(self.add_group)
        self.add_button.setObjectName(u"add_button")

        self.add_button_layout.addWidget(self.add_button)


        self.add_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.add_button_layout)


        self.main_layout.addWidget(self.add_group)

        self.shift_check = QCheckBox(DaysOffDialog)
        self.shift_check.setObjectName(u"shift_check")

        self.main_layout.addWidget(self.shift_check)

        self.error_label = QLabel(DaysOffDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b71c1c;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(DaysOffDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_spin)
        self.date_caption.setBuddy(self.date_edit)
        self.name_caption.setBuddy(self.name_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.year_spin, self.days_table)
        QWidget.setTabOrder(self.days_table, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.working_check)
        QWidget.setTabOrder(self.working_check, self.add_button)
        QWidget.setTabOrder(self.add_button, self.shift_check)

        self.retranslateUi(DaysOffDialog)
    # setupUi

    def retranslateUi(self, DaysOffDialog):
        DaysOffDialog.setWindowTitle(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0y ngh\u1ec9, ng\u00e0y l\u00e0m b\u00f9", None))
        self.intro_label.setText(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0y l\u1ec5, T\u1ebft (c\u1ea3 c\u00e1c ng\u00e0y theo \u00e2m l\u1ecbch) \u0111\u01b0\u1ee3c t\u00ednh s\u1eb5n. Th\u00eam c\u00e1c ng\u00e0y ngh\u1ec9 theo th\u00f4ng b\u00e1o c\u1ee7a c\u1ea5p tr\u00ean v\u00e0 c\u00e1c ng\u00e0y th\u1ee9 B\u1ea3y, Ch\u1ee7 nh\u1eadt ph\u1ea3i l\u00e0m b\u00f9; l\u1ecbch th\u1eddi h\u1ea1n d\u00f9ng danh s\u00e1ch n\u00e0y.", None))
        self.year_caption.setText(QCoreApplication.translate("DaysOffDialog", u"&N\u0103m:", None))
        self.count_label.setText("")
        ___qtablewidgetitem = self.days_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0y", None))
        ___qtablewidgetitem1 = self.days_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DaysOffDialog", u"Th\u1ee9", None))
        ___qtablewidgetitem2 = self.days_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DaysOffDialog", u"T\u00ean ng\u00e0y ngh\u1ec9", None))
        ___qtablewidgetitem3 = self.days_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("DaysOffDialog", u"Lo\u1ea1i", None))
        self.remove_hint_label.setText(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0y l\u1ec5, T\u1ebft theo B\u1ed9 lu\u1eadt Lao \u0111\u1ed9ng kh\u00f4ng b\u1ecf \u0111\u01b0\u1ee3c.", None))
#if QT_CONFIG(tooltip)
        self.remove_button.setToolTip(QCoreApplication.translate("DaysOffDialog", u"B\u1ecf ng\u00e0y ngh\u1ec9 ho\u1eb7c ng\u00e0y l\u00e0m b\u00f9 do c\u01a1 quan th\u00eam v\u00e0o", None))
#endif // QT_CONFIG(tooltip)
        self.remove_button.setText(QCoreApplication.translate("DaysOffDialog", u"&B\u1ecf ng\u00e0y \u0111\u00e3 ch\u1ecdn", None))
        self.add_group.setTitle(QCoreApplication.translate("DaysOffDialog", u"Th\u00eam ng\u00e0y ngh\u1ec9 ho\u1eb7c ng\u00e0y l\u00e0m b\u00f9", None))
        self.date_caption.setText(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0&y:", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("DaysOffDialog", u"dd/MM/yyyy", None))
        self.name_caption.setText(QCoreApplication.translate("DaysOffDialog", u"&T\u00ean ng\u00e0y:", None))
#if QT_CONFIG(tooltip)
        self.name_edit.setToolTip(QCoreApplication.translate("DaysOffDialog", u"\u0110\u1ec3 tr\u1ed1ng th\u00ec ghi \u201cNg\u00e0y ngh\u1ec9 theo th\u00f4ng b\u00e1o\u201d ho\u1eb7c \u201cL\u00e0m b\u00f9\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.name_edit.setPlaceholderText(QCoreApplication.translate("DaysOffDialog", u"V\u00ed d\u1ee5: Ngh\u1ec9 b\u00f9 Qu\u1ed1c kh\u00e1nh theo Th\u00f4ng b\u00e1o s\u1ed1 \u2026/TB-BNV", None))
#if QT_CONFIG(tooltip)
        self.working_check.setToolTip(QCoreApplication.translate("DaysOffDialog", u"\u0110\u00e1nh d\u1ea5u khi c\u01a1 quan l\u00e0m vi\u1ec7c v\u00e0o ng\u00e0y th\u1ee9 B\u1ea3y ho\u1eb7c Ch\u1ee7 nh\u1eadt n\u00e0y \u0111\u1ec3 b\u00f9 cho m\u1ed9t ng\u00e0y ngh\u1ec9", None))
#endif // QT_CONFIG(tooltip)
        self.working_check.setText(QCoreApplication.translate("DaysOffDialog", u"Ng\u00e0y &l\u00e0m b\u00f9 (th\u1ee9 B\u1ea3y/Ch\u1ee7 nh\u1eadt l\u00e0m vi\u1ec7c)", None))
        self.add_button.setText(QCoreApplication.translate("DaysOffDialog", u"Th\u00ea&m ng\u00e0y", None))
#if QT_CONFIG(tooltip)
        self.shift_check.setToolTip(QCoreApplication.translate("DaysOffDialog", u"L\u1ecbch th\u1eddi h\u1ea1n v\u00e0 b\u00e1o c\u00e1o hi\u1ec3n th\u1ecb h\u1ea1n tr\u00f9ng ng\u00e0y ngh\u1ec9 v\u00e0o ng\u00e0y l\u00e0m vi\u1ec7c \u0111\u1ea7u ti\u00ean sau \u0111\u00f3", None))
#endif // QT_CONFIG(tooltip)
        self.shift_check.setText(QCoreApplication.translate("DaysOffDialog", u"&H\u1ea1n r\u01a1i v\u00e0o ng\u00e0y ngh\u1ec9 th\u00ec hi\u1ec3n th\u1ecb sang ng\u00e0y l\u00e0m vi\u1ec7c k\u1ebf ti\u1ebfp", None))
        self.error_label.setText("")
    # retranslateUi

