# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(640, 420)
        self.main_layout = QVBoxLayout(CrashDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CrashDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.summary_label = QLabel(CrashDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.summary_label)

        self.details_edit = QPlainTextEdit(CrashDialog)
        self.details_edit.setObjectName(u"details_edit")
        self.details_edit.setReadOnly(True)
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.main_layout.addWidget(self.details_edit)

        self.log_label = QLabel(CrashDialog)
        self.log_label.setObjectName(u"log_label")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.log_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.copy_button = QPushButton(CrashDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.button_layout.addWidget(self.copy_button)

        self.open_log_button = QPushButton(CrashDialog)
        self.open_log_button.setObjectName(u"open_log_button")

        self.button_layout.addWidget(self.open_log_button)

        self.button_spacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.button_box = QDialogButtonBox(CrashDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.button_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Ch\u01b0\u01a1ng tr\u00ecnh g\u1eb7p l\u1ed7i", None))
        self.intro_label.setText(QCoreApplication.translate("CrashDialog", u"\u0110\u00e3 x\u1ea3y ra l\u1ed7i ngo\u00e0i d\u1ef1 ki\u1ebfn. D\u1eef li\u1ec7u \u0111\u00e3 l\u01b0u kh\u00f4ng b\u1ecb \u1ea3nh h\u01b0\u1edfng; ph\u1ea7n \u0111ang s\u1eeda d\u1edf c\u00f3 th\u1ec3 ch\u01b0a \u0111\u01b0\u1ee3c l\u01b0u. H\u00e3y sao ch\u00e9p chi ti\u1ebft d\u01b0\u1edbi \u0111\u00e2y v\u00e0 g\u1eedi cho c\u00e1n b\u1ed9 h\u1ed7 tr\u1ee3 k\u1ef9 thu\u1eadt.", None))
        self.summary_label.setText("")
        self.log_label.setText("")
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", u"&Sao ch\u00e9p chi ti\u1ebft", None))
        self.open_log_button.setText(QCoreApplication.translate("CrashDialog", u"M\u1edf th\u01b0 m\u1ee5c &nh\u1eadt k\u00fd", None))
    # retranslateUi

