# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agency_picker_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)
from . import resources_rc

class Ui_AgencyPickerDialog(object):
    def setupUi(self, AgencyPickerDialog):
        if not AgencyPickerDialog.objectName():
            AgencyPickerDialog.setObjectName(u"AgencyPickerDialog")
        AgencyPickerDialog.resize(560, 480)
        self.main_layout = QVBoxLayout(AgencyPickerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.search_edit = QLineEdit(AgencyPickerDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.main_layout.addWidget(self.search_edit)

        self.agency_view = QTableView(AgencyPickerDialog)
        self.agency_view.setObjectName(u"agency_view")
        self.agency_view.setAlternatingRowColors(True)
        self.agency_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agency_view.setSortingEnabled(True)
        self.agency_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.main_layout.addWidget(self.agency_view)

        self.role_layout = QHBoxLayout()
        self.role_layout.setObjectName(u"role_layout")
        self.role_caption = QLabel(AgencyPickerDialog)
        self.role_caption.setObjectName(u"role_caption")

        self.role_layout.addWidget(self.role_caption)

        self.role_combo = QComboBox(AgencyPickerDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.role_layout.addWidget(self.role_combo)

        self.role_spacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.role_layout.addItem(self.role_spacer)

        self.new_agency_button = QPushButton(AgencyPickerDialog)
        self.new_agency_button.setObjectName(u"new_agency_button")
        icon = QIcon()
        icon.addFile(u":/icons/action-add.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.new_agency_button.setIcon(icon)

        self.role_layout.addWidget(self.new_agency_button)


        self.main_layout.addLayout(self.role_layout)

        self.button_box = QDialogButtonBox(AgencyPickerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.role_caption.setBuddy(self.role_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgencyPickerDialog)
    # setupUi

    def retranslateUi(self, AgencyPickerDialog):
        AgencyPickerDialog.setWindowTitle(QCoreApplication.translate("AgencyPickerDialog", u"Ch\u1ecdn c\u01a1 quan, \u0111\u01a1n v\u1ecb", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("AgencyPickerDialog", u"G\u00f5 \u0111\u1ec3 t\u00ecm (kh\u00f4ng d\u1ea5u c\u0169ng \u0111\u01b0\u1ee3c)\u2026", None))
        self.role_caption.setText(QCoreApplication.translate("AgencyPickerDialog", u"&Vai tr\u00f2 trong nhi\u1ec7m v\u1ee5:", None))
        self.new_agency_button.setText(QCoreApplication.translate("AgencyPickerDialog", u"Th\u00eam c\u01a1 quan &m\u1edbi\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_agency_button.setToolTip(QCoreApplication.translate("AgencyPickerDialog", u"Th\u00eam v\u00e0o danh m\u1ee5c m\u1ed9t c\u01a1 quan, \u0111\u01a1n v\u1ecb ch\u01b0a c\u00f3", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

